import ArgumentParser
import AuditRules
import Foundation

extension V360AuditCommand.Rules {
    /// `rules validate DIR`: loads a rule directory strictly, with the bundled pack, and reports.
    struct Validate: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a rule directory: exit 0 when valid, 64 with file and line when not.")

        @Argument(help: ArgumentHelp("A directory of rule and tool-profile files.", valueName: "dir"))
        var directory: String

        func execute(console: Console) async throws -> Int32 {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw V360AuditError.unreadableInput(file: directory, detail: "not a directory")
            }
            let own = try RulePack.load(directories: [URL(fileURLWithPath: directory, isDirectory: true)],
                                        includeBundled: false)
            // Also load it over the bundled pack, as `scan --rules` would.
            _ = try RulePack.load(directories: [URL(fileURLWithPath: directory, isDirectory: true)])
            console.out("\(directory): \(own.rules.count) rule(s), \(own.tools.count) tool profile(s): valid.")
            return ExitStatus.passed
        }
    }
}
