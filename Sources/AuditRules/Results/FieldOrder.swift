/// The sorted order of an evidence object's fields, for writers that emit keys sorted.
///
/// Evidence lists repeat one shape (every excess row has the same five keys), so the order of the
/// last object is reused while the keys stay the same, and keys already in order are not sorted.
public struct FieldOrder {
    private let precedes: (String, String) -> Bool
    private var lastKeys: [String] = []
    private var lastOrder: [Int] = []

    /// An order by `precedes` (byte order for fingerprints, `String` order for the report).
    public init(by precedes: @escaping (String, String) -> Bool) {
        self.precedes = precedes
    }

    /// The indices of `fields` in key order.
    public mutating func of(_ fields: [EvidenceField]) -> [Int] {
        if fields.count == lastKeys.count, zip(fields, lastKeys).allSatisfy({ $0.key == $1 }) { return lastOrder }
        let inOrder = zip(fields, fields.dropFirst()).allSatisfy { precedes($0.key, $1.key) }
        lastOrder = inOrder ? Array(fields.indices) : fields.indices.sorted { precedes(fields[$0].key, fields[$1].key) }
        lastKeys = fields.map(\.key)
        return lastOrder
    }
}
