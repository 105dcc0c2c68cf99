import Crypto
import V360Core
import Foundation

/// A SHA-256 of a snapshot's canonical bytes, started on a prefix before the whole is known.
///
/// ``SnapshotFragments`` hashes, while the read still waits on the PSA, the parts it expects the
/// finished encoding to begin with (everything before the roles, then each role in list order).
/// ``finish(_:)`` takes the parts of the finished encoding and resumes only if they begin with
/// exactly the bytes hashed (compared part by part: the same storage, else the same bytes);
/// otherwise it hashes them all. So the digest is always the SHA-256 of the parts given, whatever
/// was guessed.
struct SnapshotDigest: Sendable {
    private var hasher = Crypto.SHA256()
    /// The parts hashed so far, in order (they share storage with the pieces they came from).
    private var hashed: [ArraySlice<UInt8>] = []

    /// How many parts have been hashed.
    var hashedParts: Int { hashed.count }

    /// Hashes `part` as the next part of the expected encoding.
    mutating func add(_ part: ArraySlice<UInt8>) {
        part.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hashed.append(part)
    }

    /// The lower-case hex SHA-256 of the concatenated `parts`, resuming from what was hashed when
    /// `parts` begin with it.
    func finish(_ parts: [ArraySlice<UInt8>]) -> String {
        let start = resumedParts(parts)
        var hasher = start > 0 ? self.hasher : Crypto.SHA256()
        for part in parts[start...] { part.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        return SHA256Hex.hex(hasher.finalize())
    }

    /// How many of `parts` ``finish(_:)`` takes as hashed: all parts hashed when `parts` begin
    /// with exactly them, else none.
    func resumedParts(_ parts: [ArraySlice<UInt8>]) -> Int {
        parts.count >= hashed.count && zip(hashed, parts).allSatisfy(Self.sameBytes) ? hashed.count : 0
    }

    /// The same bytes: the same storage (the usual case, without reading them), else compared.
    static func sameBytes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
    }
}
