import Foundation
import ManageReader

extension SnapshotAcquirer {
    /// The snapshot a drafting command works on: `--snapshot`, `--demo`, or a live read.
    /// - Throws: Input errors (64); a live read that could not start (2).
    func snapshot(_ source: SourceOptions, connection: ConnectionOptions) async throws -> TenantSnapshot {
        if let path = source.snapshot { return try fromFile(path).snapshot }
        if source.demo { return try await fromDemo() }
        return try await fromLive(connection)
    }
}
