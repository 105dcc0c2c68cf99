import Foundation

/// Structured evidence attached to a finding: a small JSON value whose object keys keep the
/// order the rule wrote them in, so Markdown tables and JSON read the same way every time.
public indirect enum EvidenceValue: Sendable, Hashable, Codable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case list([EvidenceValue])
    case object([EvidenceField])

    /// Encodes as plain JSON (objects keep field order unless the encoder sorts keys).
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .list(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let fields):
            var c = encoder.container(keyedBy: DynamicKey.self)
            for field in fields { try c.encode(field.value, forKey: DynamicKey(field.key)) }
        }
    }

    /// Decodes plain JSON; object keys come back in the decoder's order (sorted for stability).
    public init(from decoder: Decoder) throws {
        if let c = try? decoder.container(keyedBy: DynamicKey.self) {
            self = .object(try c.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                EvidenceField($0.stringValue, try c.decode(EvidenceValue.self, forKey: $0))
            })
        } else if var c = try? decoder.unkeyedContainer() {
            var items: [EvidenceValue] = []
            while !c.isAtEnd { items.append(try c.decode(EvidenceValue.self)) }
            self = .list(items)
        } else {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else { self = .string(try c.decode(String.self)) }
        }
    }

    private struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// One named field of an evidence object.
public struct EvidenceField: Sendable, Hashable {
    /// The field name.
    public var key: String
    /// The field value.
    public var value: EvidenceValue

    /// Creates a field.
    public init(_ key: String, _ value: EvidenceValue) {
        self.key = key
        self.value = value
    }
}
