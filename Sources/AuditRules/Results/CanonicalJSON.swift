import Foundation
import ManageReader
import V360Core

/// Compact canonical JSON (sorted keys, no whitespace, `/` unescaped) of the values a finding
/// fingerprint covers, written the way the JSON report writes them: a resource always has `id`
/// and `name` (null when absent), `key` and `registerIndex` only when set.
///
/// The escaping matches the report's writer (quotes, backslashes and control characters only),
/// so re-serialising the report's own values with sorted keys gives the same bytes. Keys sort by
/// their UTF-8 bytes. The fixed objects (the finding, its resource) are written in their sorted
/// order directly; an evidence object is sorted only when its keys are not in order already, since
/// every finding of a large tenant is fingerprinted (a test holds this to a sort of every object).
struct CanonicalJSON {
    /// The document so far.
    private(set) var bytes: [UInt8] = []

    /// An empty document with room for `capacity` bytes.
    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// `{"evidence":…,"resource":…,"ruleId":…}`.
    mutating func finding(ruleId: String, resource: ResourceRef, evidence: EvidenceValue) {
        bytes.append(contentsOf: #"{"evidence":"#.utf8)
        value(evidence)
        bytes.append(contentsOf: #","resource":"#.utf8)
        self.resource(resource)
        bytes.append(contentsOf: #","ruleId":"#.utf8)
        string(ruleId)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an evidence value; objects with their keys sorted.
    mutating func value(_ value: EvidenceValue) {
        switch value {
        case .string(let s): string(s)
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            let order = fieldOrder.of(count: fields.count) { fields[$0].key }
            for (position, index) in order.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                string(fields[index].key)
                bytes.append(UInt8(ascii: ":"))
                self.value(fields[index].value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private var fieldOrder = FieldOrder(by: CanonicalJSON.precedes)

    /// `{"id","identifier","key"?,"kind","name","registerIndex"?}`, in byte order.
    mutating func resource(_ resource: ResourceRef) {
        bytes.append(contentsOf: #"{"id":"#.utf8)
        if let id = resource.id { bytes.append(contentsOf: String(id).utf8) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: #","identifier":"#.utf8)
        string(resource.identifier)
        if let key = resource.key {
            bytes.append(contentsOf: #","key":"#.utf8)
            string(key)
        }
        bytes.append(contentsOf: #","kind":"#.utf8)
        string(resource.kind.rawValue)
        bytes.append(contentsOf: #","name":"#.utf8)
        if let name = resource.name { string(name) } else { bytes.append(contentsOf: "null".utf8) }
        if let index = resource.registerIndex {
            bytes.append(contentsOf: #","registerIndex":"#.utf8)
            bytes.append(contentsOf: String(index).utf8)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes a string with the report writer's escapes.
    mutating func string(_ text: String) { JSONStringEscape.append(text, to: &bytes) }

    /// Byte order of two keys.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
