import ArgumentParser
import Foundation
import ManageReader

extension V360AuditCommand {
    /// `v360audit snapshot --out FILE`: a read-only pull of the tenant, no evaluation.
    struct Snapshot: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot",
            abstract: "Read the PSA and save a snapshot file for a later offline scan (--snapshot FILE).",
            discussion: "Exit codes: 0 complete; 2 some reads failed (the snapshot is still written and lists them); 64 usage."
        )

        @Option(help: ArgumentHelp("The snapshot file to write.", valueName: "file"))
        var out: String

        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func execute(console: Console) async throws -> Int32 {
            let logger = logging.logger(console)
            // The lists and roles are encoded as they arrive, so what is left after the read is a splice.
            let fragments = SnapshotFragments()
            let snapshot = try await SnapshotAcquirer(console: console, logger: logger)
                .fromLive(connection, observers: [fragments])
            // Encoded once: the bytes written are the bytes fingerprinted.
            let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
            // The hash, mostly done during the read, is finished on the other core while the file is written.
            let hashing = Task.detached { await fragments.sha256Hex(of: parts) }
            try SnapshotStore.write(parts: parts, to: URL(fileURLWithPath: out))
            let sha = await hashing.value
            let state = snapshot.isComplete
                ? "complete"
                : "INCOMPLETE (\(snapshot.gaps.count) read(s) failed; a scan of it will exit 2)"
            console.out("Wrote \(out): \(snapshot.members.count) members, \(snapshot.apiMembers.count) API members, "
                + "\(snapshot.securityRoles.count) roles, \(snapshot.integratorLogins.count) integrator logins; "
                + "\(state); sha256 \(sha).")
            return snapshot.isComplete ? ExitStatus.passed : ExitStatus.incomplete
        }
    }
}
