import Foundation

/// One change in the PSA between a baseline snapshot and the current one (docs/design.md, "Baseline
/// and drift"): an API member, a role permission held by API members, an integrator login, or
/// the scanner's own permission.
///
/// The fields are kept in the order docs/design.md lists them, which is also the sort order: kind, then
/// each field's value (null first, numbers numerically, strings by code point, lists and objects
/// element by element). The order is total over the fields, so `changes[]` is deterministic.
public struct SnapshotChange: Sendable, Hashable, Comparable, Encodable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case apiMember, integratorLogin, rolePermission, scannerPermission
    }

    /// What changed.
    public var kind: Kind
    /// The entry's fields after `kind`, in docs/design.md's order.
    public var fields: [EvidenceField]

    /// Creates a change.
    public init(kind: Kind, fields: [EvidenceField]) {
        self.kind = kind
        self.fields = fields
    }

    /// The value of one field (`.null` when absent).
    public subscript(_ key: String) -> EvidenceValue {
        fields.first { $0.key == key }?.value ?? .null
    }

    /// The whole entry as one JSON object, `kind` first.
    public var object: EvidenceValue { .object([EvidenceField("kind", .string(kind.rawValue))] + fields) }

    /// Encodes as the JSON object of ``object``.
    public func encode(to encoder: Encoder) throws { try object.encode(to: encoder) }

    /// Orders by kind, then by the fields' values in order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        return Self.order(.list(lhs.fields.map(\.value)), .list(rhs.fields.map(\.value))) < 0
    }

    /// -1, 0 or 1: null < bool < int < string < list < object; like with like by value.
    static func order(_ a: EvidenceValue, _ b: EvidenceValue) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.string(let x), .string(let y)):
            return x == y ? 0 : (Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) ? -1 : 1)
        case (.list(let x), .list(let y)):
            for (l, r) in zip(x, y) { let o = order(l, r); if o != 0 { return o } }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.object(let x), .object(let y)):
            return order(.list(x.flatMap { [.string($0.key), $0.value] }), .list(y.flatMap { [.string($0.key), $0.value] }))
        default: return rank(a) < rank(b) ? -1 : 1
        }
    }

    private static func rank(_ value: EvidenceValue) -> Int {
        switch value {
        case .null: 0
        case .bool: 1
        case .int: 2
        case .string: 3
        case .list: 4
        case .object: 5
        }
    }
}
