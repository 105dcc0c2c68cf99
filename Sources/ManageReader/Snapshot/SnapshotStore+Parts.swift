import Foundation
import V360Core

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
        SHA256Hex.of(parts: parts)
    }

    /// Writes the concatenated parts durably (``DurableFile``): the file under `url` is either the
    /// previous snapshot or the complete new one, even after a crash or a power loss.
    /// - Throws: ``V360CoreError/write(path:cause:)`` naming the file; the previous file is untouched.
    public static func write(parts: [ArraySlice<UInt8>], to url: URL) throws(V360CoreError) {
        try DurableFile.write(parts, to: url.path)
    }
}
