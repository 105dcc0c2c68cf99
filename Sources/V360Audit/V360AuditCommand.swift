import ArgumentParser
import Foundation
import Reports

/// `v360audit`: a read-only audit of ConnectWise Manage API access.
///
/// Every command states its `commandName`: ArgumentParser would otherwise derive each name with
/// `String(describing:)` at every start, whose first protocol-conformance look-ups scan every
/// conformance record loaded (Foundation's included), a few milliseconds of each run.
@main
struct V360AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "v360audit",
        abstract: "Audit which API credentials into ConnectWise Manage have more power than they need.",
        discussion: ExitStatus.discussion,
        version: ToolInfo.version,
        subcommands: [Scan.self, Snapshot.self, Doctor.self, Plan.self, Diff.self, Rules.self, Profiles.self, Register.self, Simulate.self],
        defaultSubcommand: Scan.self
    )

    /// Runs through `CommandRunner` so every error gets docs/design.md's exit code (ArgumentParser alone
    /// would exit 1 for any non-validation error, which looks like "findings").
    static func main() async {
        let code = await CommandRunner.run(Array(CommandLine.arguments.dropFirst()), console: .standard())
        Self.exit(withError: code == 0 ? nil : ExitCode(code))
    }
}
