/// The sorted order of an object's fields, for writers that emit keys sorted (the JSON report and
/// finding fingerprints).
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

    /// The indices of `fields` in the order of their keys (`key(field)`).
    public mutating func of<Field>(_ fields: [Field], key: (Field) -> String) -> [Int] {
        if fields.count == lastKeys.count, zip(fields, lastKeys).allSatisfy({ key($0) == $1 }) { return lastOrder }
        let inOrder = zip(fields, fields.dropFirst()).allSatisfy { precedes(key($0), key($1)) }
        lastOrder = inOrder ? Array(fields.indices) : fields.indices.sorted { precedes(key(fields[$0]), key(fields[$1])) }
        lastKeys = fields.map(key)
        return lastOrder
    }
}
