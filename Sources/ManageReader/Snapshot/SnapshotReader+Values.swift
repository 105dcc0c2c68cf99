/// The value readers ``SnapshotReader``'s model readers are built from.
extension SnapshotReader {
    /// A JSON array of `element`s.
    static func list<T>(_ c: inout JSONCursor, _ element: (inout JSONCursor) throws(Mismatch) -> T)
        throws(Mismatch) -> [T] {
        var result: [T] = []
        try c.array { (c) throws(Mismatch) in result.append(try element(&c)) }
        return result
    }

    /// `null` (as `decodeIfPresent` reads it) or a value.
    static func optional<T>(_ c: inout JSONCursor, _ value: (inout JSONCursor) throws(Mismatch) -> T)
        throws(Mismatch) -> T? {
        c.null() ? nil : try value(&c)
    }

    static func optionalString(_ c: inout JSONCursor) throws(Mismatch) -> String? {
        c.null() ? nil : try c.string()
    }

    static func optionalInt(_ c: inout JSONCursor) throws(Mismatch) -> Int? {
        c.null() ? nil : try c.int()
    }

    static func optionalBool(_ c: inout JSONCursor) throws(Mismatch) -> Bool? {
        c.null() ? nil : try c.bool()
    }

    /// The keys an object has had so far: a second occurrence is left to the strict decoder.
    struct Seen {
        private var bits: UInt32 = 0

        /// Marks `slot` seen; a second time is a mismatch.
        mutating func once(_ slot: UInt32) throws(Mismatch) {
            guard bits & (1 << slot) == 0 else { throw Mismatch() }
            bits |= 1 << slot
        }

        /// True when every slot in `slots` was seen.
        func all(_ slots: ClosedRange<UInt32>) -> Bool { slots.allSatisfy { bits & (1 << $0) != 0 } }
    }
}
