import Foundation
import ManageReader

extension SnapshotAcquirer {
    /// The snapshot a drafting or planning command works on: a snapshot file, the demo tenant, or
    /// a live read with the connection options.
    /// - Throws: Input errors (64); a live read that could not start (2).
    func snapshot(file: String?, demo: Bool, connection: ConnectionOptions) async throws -> TenantSnapshot {
        if let file { return try fromFile(file) }
        if demo { return try await fromDemo() }
        return try await fromLive(connection)
    }

    /// The same, from `--snapshot` / `--demo` options.
    func snapshot(_ source: SourceOptions, connection: ConnectionOptions) async throws -> TenantSnapshot {
        try await snapshot(file: source.snapshot, demo: source.demo, connection: connection)
    }
}
