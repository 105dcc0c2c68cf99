import ArgumentParser
import AuditRules
import Foundation
import ManageReader
import Reports
import V360Core

extension V360AuditCommand {
    /// `v360audit diff OLD NEW`: what changed in the PSA between two snapshots.
    struct Diff: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Print what changed in the PSA between two snapshots (API members, role permissions, logins, scanner).",
            discussion: """
                The same changes a snapshot --baseline puts in the reports: Markdown tables, or with --format json \
                the bare changes array. Nothing is read from the PSA.
                Exit codes: 0 both snapshots loaded (whether or not anything changed); 64 usage or an invalid snapshot.
                """)

        @Argument(help: ArgumentHelp("The older snapshot.", valueName: "old"))
        var old: String

        @Argument(help: ArgumentHelp("The newer snapshot.", valueName: "new"))
        var new: String

        @Option(help: ArgumentHelp("markdown (default) or json.", valueName: "format"))
        var format = "markdown"

        func validate() throws {
            guard ["markdown", "json"].contains(format) else { throw ValidationError("--format must be markdown or json") }
        }

        func execute(console: Console) async throws -> Int32 {
            let before = try SnapshotStore.load(from: URL(fileURLWithPath: old))
            let after = try SnapshotStore.load(from: URL(fileURLWithPath: new))
            let changes = ChangeDetector.changes(from: before, to: after)
            if format == "json" {
                console.out(try JSONOutput.text(changes))
                return ExitStatus.passed
            }
            var text = "# Changes in the PSA\n\nFrom \(MarkdownText.escape(old)) (captured "
                + "\(before.source.capturedAt.formatted(.iso8601))) to \(MarkdownText.escape(new)) (captured "
                + "\(after.source.capturedAt.formatted(.iso8601))): "
            text += changes.isEmpty ? "no changes." : "\(changes.count) change(s)." + MarkdownChanges.tables(changes)
            console.out(text)
            return ExitStatus.passed
        }
    }
}
