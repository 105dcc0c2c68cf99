/// An object key as ``JSONCursor`` found it: raw bytes inside the file, matched against the
/// format's keys without making a `String` (a 45,000-row snapshot has half a million keys).
struct JSONKey {
    /// The key's bytes (no escapes: a key holding one is left to the strict decoder).
    let bytes: UnsafeBufferPointer<UInt8>

    /// The key as text, or nil when it is not valid UTF-8 (for keys that are data, like `_info`'s).
    var string: String? { String(validating: bytes, as: UTF8.self) }

    /// `case "name":` in a `switch` over a key.
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        guard pattern.utf8CodeUnitCount == key.bytes.count else { return false }
        let start = pattern.utf8Start
        for index in 0..<key.bytes.count where key.bytes[index] != start[index] { return false }
        return true
    }
}
