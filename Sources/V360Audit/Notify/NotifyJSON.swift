import AuditRules
import ManageReader
import V360Core

/// A small JSON value whose objects keep the order they were written in, serialised compactly.
///
/// Notification payloads are built as these values and written with the project's one JSON string
/// escape, so the same report context always gives the same bytes (a `[String: Any]` through
/// `JSONSerialization` would not promise a key order), and a size budget can be checked on the
/// exact bytes that will be sent.
indirect enum NotifyJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([NotifyJSON])
    case object([(key: String, value: NotifyJSON)])

    /// A string, or `null` for nil.
    static func optional(_ text: String?) -> NotifyJSON { text.map { .string($0) } ?? .null }

    /// An evidence value (a change entry's fields) as JSON, keeping its field order.
    init(_ evidence: EvidenceValue) {
        switch evidence {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .list(let items): self = .array(items.map(NotifyJSON.init))
        case .object(let fields): self = .object(fields.map { (key: $0.key, value: NotifyJSON($0.value)) })
        }
    }

    /// The compact UTF-8 encoding (no whitespace; `/` and non-ASCII as they are).
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): JSONStringEscape.append(text, to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONStringEscape.append(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                field.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func == (lhs: NotifyJSON, rhs: NotifyJSON) -> Bool { lhs.bytes == rhs.bytes }
}
