import Foundation
import Logging
import ManageReader
import V360Core

/// The SHA-256 that ties a report to its snapshot, and the `--save-snapshot` write that shares its encoding.
enum SnapshotFingerprint {
    /// The SHA-256 of the snapshot file, saving the canonical encoding to `path` when asked (and
    /// the save's failure, if it failed: the scan still writes its reports, then exits 2).
    /// An offline scan's hash is the file's as read (`fileSHA256`, worked out beside the decode),
    /// and it is not re-encoded unless it is saved: for a large tenant encoding costs as much as
    /// the decode. A live scan's encoding splices in what `fragments` encoded during the read (the
    /// demo's, read without them, is encoded whole).
    static func compute(_ snapshot: TenantSnapshot, fileSHA256: String?, fragments: SnapshotFragments?,
                        saveTo path: String?, logger: Logger) async -> (String, V360CoreError?) {
        if let fileSHA256 {
            let failure = path.flatMap { path in
                save(logger: logger, path) { () throws(V360CoreError) in try SnapshotStore.save(snapshot, to: URL(fileURLWithPath: path)) }
            }
            return (fileSHA256, failure)
        }
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments ?? SnapshotFragments())
        let failure = path.flatMap { path in
            save(logger: logger, path) { () throws(V360CoreError) in try SnapshotStore.write(parts: parts, to: URL(fileURLWithPath: path)) }
        }
        return (SnapshotStore.sha256Hex(parts: parts), failure)
    }

    /// Runs a snapshot save, logging success and returning its failure.
    private static func save(logger: Logger, _ path: String, _ write: () throws(V360CoreError) -> Void) -> V360CoreError? {
        do {
            try write()
            logger.info("Saved the snapshot to \(path)")
            return nil
        } catch {
            return error
        }
    }
}
