import Foundation
import V360Core

/// A byte buffer that writes JSON exactly as `JSONEncoder` does with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` and ISO-8601 dates: two-space indent,
/// `"key" : value`, empty containers as `[\n\n]`, the same string escapes.
///
/// The caller emits keys already in sorted order (``SnapshotWriter`` knows each type's keys), so
/// nothing is boxed, sorted or reflected per value: for a 20 MB snapshot that is the difference
/// between about a second and a few tens of milliseconds.
struct PrettyJSONBuffer {
    /// The bytes written since the last spliced part (all of them when nothing was spliced).
    private(set) var bytes: [UInt8] = []
    /// What came before `bytes`: written runs and spliced parts, in order.
    private var finished: [ArraySlice<UInt8>] = []
    private var depth = 0
    /// Whether the container being written has an element yet (one flag per open container).
    private var hasElement: [Bool] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// A buffer for a run of elements of an array at `depth` (one level per open container), to be
    /// spliced in with ``append(fragment:)``; `first` when the run starts the array.
    init(fragmentAt depth: Int, first: Bool, capacity: Int) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
        hasElement = Array(repeating: true, count: depth - 1) + [!first]
    }

    /// Splices in the non-empty bytes of elements encoded by a fragment buffer
    /// (``init(fragmentAt:first:capacity:)``) as the next elements of the innermost (open) array.
    /// They are kept as a part of their own, not copied.
    mutating func append(elements: ArraySlice<UInt8>) {
        if !bytes.isEmpty { finished.append(bytes[...]) }
        bytes = []
        finished.append(elements)
        hasElement[hasElement.count - 1] = true
    }

    /// Everything written, as parts whose concatenation is the document.
    var parts: [ArraySlice<UInt8>] { bytes.isEmpty ? finished : finished + [bytes[...]] }

    /// Everything written, in one array.
    var joined: [UInt8] {
        if finished.isEmpty { return bytes }
        var all: [UInt8] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part) }
        return all
    }

    /// Opens an object as the next value.
    mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Closes the innermost object.
    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array as the next value.
    mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// Closes the innermost array.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: the separator, indentation and `"key" : `.
    mutating func key(_ key: String) {
        element()
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts an array element (for the scalar writers below, which write only the value).
    mutating func element() {
        if hasElement[hasElement.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasElement[hasElement.count - 1] = true
        newline()
    }

    /// A string value with JSONEncoder's escapes (`/` is left as is).
    mutating func string(_ text: String) { JSONStringEscape.append(text, to: &bytes) }

    /// An integer value.
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// `null`.
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A date as `JSONEncoder`'s `.iso8601` writes it: UTC, whole seconds (fractions dropped).
    mutating func date(_ date: Date) {
        string(date.formatted(Date.ISO8601FormatStyle()))
    }

    /// The optional members helpers: a key and value only when the value is present, as the
    /// synthesised `Encodable` conformances do (`encodeIfPresent`).
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// See ``member(_:_:)-(String,String?)``.
    mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// See ``member(_:_:)-(String,String?)``.
    mutating func member(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        hasElement.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = !hasElement.removeLast()
        depth -= 1
        // JSONEncoder writes an empty container with a blank line inside it.
        if empty { bytes.append(0x0A) }
        newline()
        bytes.append(bracket)
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }
}
