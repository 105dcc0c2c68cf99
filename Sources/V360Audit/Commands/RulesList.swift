import ArgumentParser
import AuditRules
import Foundation

extension V360AuditCommand.Rules {
    /// `rules list`: one line per rule.
    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules: id, severity, title.")

        @OptionGroup var pack: RulePackOptions

        func execute(console: Console) async throws -> Int32 {
            let rules = try pack.load().rules
            let width = rules.map(\.metadata.id.count).max() ?? 0
            for rule in rules {
                let id = rule.metadata.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.metadata.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                console.out("\(id)  \(severity)  \(rule.metadata.title)")
            }
            return ExitStatus.passed
        }
    }
}
