import Foundation
import Logging
import ManageReader

/// `snapshot`'s work for one PSA: read it (encoding the lists and roles as they arrive), write the
/// file, and say what was written. Shared by `snapshot --out` and `snapshot --tenants`.
struct SnapshotPull {
    /// Where logs go.
    var console: Console
    /// The logger.
    var logger: Logger

    /// What was written.
    struct Line {
        /// `Wrote FILE: … members, …; complete; sha256 ….`
        var text: String
        /// False when some reads failed (the file lists them; exit 2).
        var complete: Bool
    }

    /// Reads with `read` and writes the snapshot to `path`.
    /// - Throws: Input errors (64), a read that could not start (2), a write that failed (2).
    func pull(to path: String, read: ([any ReadObserver]) async throws -> TenantSnapshot) async throws -> Line {
        // The lists and roles are encoded as they arrive, so what is left after the read is a splice.
        let fragments = SnapshotFragments()
        let snapshot = try await read([fragments])
        // Encoded once: the bytes written are the bytes fingerprinted.
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        // The hash is worked out on the other core while the file is written.
        let hashing = Task.detached { SnapshotStore.sha256Hex(parts: parts) }
        try SnapshotStore.write(parts: parts, to: URL(fileURLWithPath: path))
        let sha = await hashing.value
        let state = snapshot.isComplete
            ? "complete"
            : "INCOMPLETE (\(snapshot.gaps.count) read(s) failed; a scan of it will exit 2)"
        return Line(text: "Wrote \(path): \(snapshot.members.count) members, \(snapshot.apiMembers.count) API members, "
                        + "\(snapshot.securityRoles.count) roles, \(snapshot.integratorLogins.count) integrator logins; "
                        + "\(state); sha256 \(sha).",
                    complete: snapshot.isComplete)
    }
}
