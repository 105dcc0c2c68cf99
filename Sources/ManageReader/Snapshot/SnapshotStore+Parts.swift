import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
/// write(2), by a name `SnapshotStore.write` does not hide.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2), by a name `SnapshotStore.write` does not hide.
private let systemWrite = Darwin.write
#endif

/// The snapshot file as parts: the pieces ``SnapshotFragments`` encoded during the read, and the
/// runs written between them, hashed and written one after another. A large tenant's file is
/// tens of megabytes, and copying it into one array (twice, with `Data`) is most of what is left
/// to do once the read ends.
extension SnapshotStore {
    /// The bytes of ``encode(_:)`` as parts, splicing in what `fragments` encoded during the read
    /// where the snapshot holds the values they were made from.
    public static func encodedParts(_ snapshot: TenantSnapshot, reusing fragments: SnapshotFragments) async
        -> [ArraySlice<UInt8>] {
        SnapshotWriter.parts(snapshot, reusing: await fragments.pieces())
    }

    /// The SHA-256 of the concatenated parts, as lower-case hex.
    public static func sha256Hex(parts: [ArraySlice<UInt8>]) -> String {
        SnapshotDigest().finish(parts)
    }

    /// Writes the concatenated parts atomically: into a temporary file beside `url`, renamed over
    /// it once complete, so a reader never sees half a snapshot.
    public static func write(parts: [ArraySlice<UInt8>], to url: URL) throws(ReaderError) {
        let path = url.path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(path, errno) }
        var failed: Int32 = 0
        for part in parts where failed == 0 {
            failed = part.withUnsafeBytes { raw -> Int32 in
                var offset = 0
                while offset < raw.count {
                    let written = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += written
                }
                return 0
            }
        }
        if close(fd) != 0, failed == 0 { failed = errno }
        if failed == 0, rename(temporary, path) != 0 { failed = errno }
        if failed != 0 {
            unlink(temporary)
            throw failure(path, failed)
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> ReaderError {
        .snapshotIO(file: path, detail: "cannot write the snapshot: \(String(cString: strerror(code)))")
    }
}
