import ArgumentParser
import AuditRules
import Foundation
import ManageReader
import V360Core

extension V360AuditCommand.Register {
    /// `register draft [source] [--out FILE]`: one entry per active API member, tools guessed.
    struct Draft: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Write a key register draft: one entry per active API member, the tool guessed from the profiles.",
            discussion: """
                Each entry's comment says how its tool was guessed: a profile's name hints, a role that grants \
                exactly one profile's list, or TODO. The draft loads as it is; fill in descriptions and owners.
                Exit codes: 0 written; 2 the PSA could not be read completely (the draft is still written and \
                says so); 64 usage, or --out names a file that exists (never overwritten).
                """)

        @Option(help: ArgumentHelp("Write the draft to this file (refused if it exists) instead of stdout.",
                                   valueName: "file"))
        var out: String?

        @OptionGroup(title: "Source") var source: SourceOptions
        @OptionGroup(title: "Rules") var pack: RulePackOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func execute(console: Console) async throws -> Int32 {
            // Refuse before reading: a draft must never replace a register someone edited.
            if let out, FileManager.default.fileExists(atPath: out) {
                throw V360AuditError.usage("\(out) exists; register draft never overwrites a file (choose another --out)")
            }
            let rules = try pack.load()
            let acquirer = SnapshotAcquirer(console: console, logger: logging.logger(console))
            let snapshot = try await acquirer.snapshot(source, connection: connection)
            let draft = RegisterDraft(pack: rules, snapshot: snapshot)
            var text = draft.yaml
            if !snapshot.isComplete {
                let missing = snapshot.gaps.map(\.endpoint).joined(separator: ", ")
                text = "# INCOMPLETE: could not read \(missing); API members may be missing from this draft.\n" + text
            }
            if let out {
                // Linked into place, not renamed: a file created since the check above is not replaced either.
                try DurableFile.write(text, to: out, replacing: false)
                let guessed = draft.entries.filter { $0.tool != nil }.count
                console.out("Wrote \(out): \(draft.entries.count) API member(s), \(guessed) with a guessed tool, "
                    + "\(draft.entries.count - guessed) TODO.")
            } else {
                console.write(.out, text)
            }
            if !snapshot.isComplete {
                console.error("the PSA was not read completely; the draft may miss API members")
                return ExitStatus.incomplete
            }
            return ExitStatus.passed
        }
    }
}
