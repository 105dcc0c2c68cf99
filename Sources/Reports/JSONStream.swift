import AuditRules
import ManageReader
import V360Core
/// Pretty-printed JSON with sorted keys, written straight into UTF-8 bytes.
///
/// The JSON report of a large tenant runs to tens of megabytes; `JSONEncoder` first builds a tree
/// of the whole document, which costs several times the output in memory and most of an offline
/// scan's time. Writing as we go keeps both small. The layout follows `JSONEncoder`'s
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`),
/// except that an empty array is `[]` (the report's format since its first version; Linux's
/// `JSONEncoder`, and so the snapshot writer ``PrettyJSONBuffer``, writes `[\n\n]`). The two
/// writers share the string escape (``JSONStringEscape``) and key order (``FieldOrder``); they stay
/// two because this one streams closures into a file while the snapshot's splices pre-encoded
/// pieces, and each is on a hot path where a shared layer across modules would not be inlined.
struct JSONStream {
    /// One member of an object: its key and how to write its value.
    typealias Field = (key: String, write: (inout JSONStream) -> Void)

    /// The document so far (what has not been flushed to `file`).
    private(set) var bytes: [UInt8] = []
    private var level = 0
    private let file: DurableFile?
    private var fieldOrder = FieldOrder(by: <)

    /// Creates an empty stream; with a `file`, written bytes move there in large pieces.
    init(file: DurableFile? = nil) {
        self.file = file
    }

    /// A stream for a value written inside `level` open containers, to be spliced in with
    /// ``append(rendered:)`` where the document is at that level.
    init(level: Int) {
        self.file = nil
        self.level = level
    }

    /// Writes a value rendered by a stream made with ``init(level:)`` at the current level; into a
    /// file, a large one goes straight there (after what is pending) rather than through `bytes`.
    mutating func append(rendered: [UInt8]) {
        if let file, rendered.count >= DurableFile.directWriteSize {
            flush()
            file.append(rendered)
        } else {
            bytes.append(contentsOf: rendered)
        }
    }

    /// Moves the bytes written so far into the file, if there is one.
    mutating func flush() {
        guard let file else { return }
        file.append(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes an object; keys are sorted, so callers may list fields in any order.
    mutating func object(_ fields: [Field]) {
        let sorted = fields.sorted { $0.key < $1.key }
        members(sorted.count) { stream, index in
            stream.key(sorted[index].key)
            sorted[index].write(&stream)
        }
    }

    /// An object of evidence fields, keys sorted as ``object(_:)`` sorts them, without a closure
    /// per field (``FieldOrder`` remembers the order of the last shape).
    mutating func object(_ fields: [EvidenceField], _ write: (inout JSONStream, EvidenceValue) -> Void) {
        guard !fields.isEmpty else { return raw("{}") }
        let order = fieldOrder.of(count: fields.count) { fields[$0].key }
        members(order.count) { stream, position in
            stream.key(fields[order[position]].key)
            write(&stream, fields[order[position]].value)
        }
    }

    /// An object of string values whose keys are given in sorted order: the same bytes as
    /// ``object(_:)``, without a closure per field or a sort (plan entries have thousands).
    mutating func stringObject(sortedFields fields: KeyValuePairs<String, String>) {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.key < $1.key }, "keys must be sorted")
        members(fields.count) { stream, index in
            stream.key(fields[index].key)
            stream.string(fields[index].value)
        }
    }

    /// `{`, then `count` members each on its own line (written by `member`), then `}`; `{}` when empty.
    private mutating func members(_ count: Int, _ member: (inout JSONStream, Int) -> Void) {
        guard count > 0 else { return raw("{}") }
        bytes.append(UInt8(ascii: "{"))
        level += 1
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            member(&self, index)
        }
        level -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
    }

    /// `"key" : ` of an object member.
    private mutating func key(_ key: String) {
        string(key)
        raw(" : ")
    }

    /// Writes an array, each element with `write`.
    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONStream, Element) -> Void) {
        guard !elements.isEmpty else { return raw("[]") }
        bytes.append(UInt8(ascii: "["))
        level += 1
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            write(&self, element)
        }
        level -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a string, escaping quotes, backslashes and control characters (slashes are not escaped).
    mutating func string(_ value: String) { JSONStringEscape.append(value, to: &bytes) }

    /// Writes an integer.
    mutating func int(_ value: Int) { raw(String(value)) }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// Writes `null`.
    mutating func null() { raw("null") }

    /// Ends the document with a newline, as text files do.
    mutating func newlineAtEnd() { bytes.append(UInt8(ascii: "\n")) }

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func newline() {
        if file != nil, bytes.count >= DurableFile.flushThreshold { flush() }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
