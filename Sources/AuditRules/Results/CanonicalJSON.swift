import Foundation

/// Compact canonical JSON (sorted keys, no whitespace, `/` unescaped) of the values a finding
/// fingerprint covers, written the way the JSON report writes them: a resource always has `id`
/// and `name` (null when absent), `key` and `registerIndex` only when set.
///
/// The escaping matches the report's writer (quotes, backslashes and control characters only),
/// so re-serialising the report's own values with sorted keys gives the same bytes.
struct CanonicalJSON {
    /// The document so far.
    private(set) var bytes: [UInt8] = []

    /// Writes an object with its keys sorted.
    mutating func object(_ fields: [(String, (inout CanonicalJSON) -> Void)]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, field) in fields.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(field.0)
            bytes.append(UInt8(ascii: ":"))
            field.1(&self)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an evidence value.
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
            object(fields.map { field in (field.key, { $0.value(field.value) }) })
        }
    }

    /// Writes a resource reference as the report does.
    mutating func resource(_ resource: ResourceRef) {
        var fields: [(String, (inout CanonicalJSON) -> Void)] = [
            ("kind", { $0.string(resource.kind.rawValue) }),
            ("id", { $0.value(resource.id.map(EvidenceValue.int) ?? .null) }),
            ("identifier", { $0.string(resource.identifier) }),
            ("name", { $0.value(resource.name.map(EvidenceValue.string) ?? .null) }),
        ]
        if let key = resource.key { fields.append(("key", { $0.string(key) })) }
        if let index = resource.registerIndex { fields.append(("registerIndex", { $0.value(.int(index)) })) }
        object(fields)
    }

    /// Writes a string, escaping as the JSON report does.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
