import Crypto
import Foundation

/// SHA-256 as lower-case hex: the snapshot's fingerprint in every report and each finding's
/// `fingerprint` (its first 16 digits) are both this.
///
/// swift-crypto's SHA-256 (BoringSSL's assembly) hashes a 20 MB snapshot in milliseconds, where a
/// portable Swift implementation took about a fifth of a second.
public enum SHA256Hex {
    /// The hex digest of `bytes` (a finding's canonical JSON). Concrete types, not a generic: this
    /// module is compiled apart from its callers, where a generic runs unspecialized.
    public static func of(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// The hex digest of `data` (a snapshot file as read).
    public static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// The hex digest of the concatenated `parts` (a snapshot file as it is written, in parts).
    public static func of(parts: [ArraySlice<UInt8>]) -> String {
        var hasher = SHA256()
        for part in parts { part.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        return hex(hasher.finalize())
    }

    /// Lower-case hex of a digest.
    public static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
