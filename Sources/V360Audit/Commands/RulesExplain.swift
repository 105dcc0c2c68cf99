import ArgumentParser
import AuditRules
import Foundation

extension V360AuditCommand.Rules {
    /// `rules explain ID`: the rule's description, rationale, remediation and parameters.
    struct Explain: ConsoleCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule.")

        @Argument(help: "The rule id, e.g. api-member-admin-role.")
        var id: String

        @OptionGroup var pack: RulePackOptions

        func execute(console: Console) async throws -> Int32 {
            let loaded = try pack.load()
            guard let rule = loaded.rule(id) else {
                throw V360AuditError.usage("no rule '\(id)'; `v360audit rules list` shows the ids")
            }
            console.out(rule.explanation())
            return ExitStatus.passed
        }
    }
}
