extension JSONCursor {
    /// Consumes one value of any kind, checking it is well-formed JSON (RFC 8259) as it goes: for
    /// fields a lenient reader ignores. Nesting deeper than `depth` is left to the strict decoder.
    mutating func skipValue(depth: Int = 64) throws(Mismatch) {
        skipSpace()
        guard depth > 0, position < bytes.count else { throw Mismatch() }
        switch bytes[position] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object { (c, _) throws(Mismatch) in try c.skipValue(depth: depth - 1) }
        case UInt8(ascii: "["): try array { (c) throws(Mismatch) in try c.skipValue(depth: depth - 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard null() else { throw Mismatch() }
        default: try number()
        }
    }

    /// Consumes a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(Mismatch) {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let start = position
        try digits()
        guard !(position - start > 1 && bytes[start] == 0x30) else { throw Mismatch() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try digits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try digits()
        }
    }

    /// Consumes one or more decimal digits.
    private mutating func digits() throws(Mismatch) {
        let start = position
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        guard position > start else { throw Mismatch() }
    }
}
