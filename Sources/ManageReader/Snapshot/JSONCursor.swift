import Foundation

/// A strict, allocation-light JSON tokenizer over a byte buffer, for ``SnapshotReader``.
///
/// It accepts only plain, well-formed JSON (RFC 8259) and throws ``Mismatch`` at the first
/// anything-else, without saying why: the caller then lets `JSONDecoder` decode the file and
/// explain the problem with file, line and path. So the fast path never needs error messages of
/// its own, and can never accept a file the strict path would refuse.
struct JSONCursor {
    /// "Not the plain form this cursor reads": let the strict decoder decide and explain.
    struct Mismatch: Error {}

    /// The document (internal for the extensions that read more kinds of value).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var position = 0

    /// A cursor at the start of `bytes` (which must outlive it).
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Skips JSON whitespace.
    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after whitespace, or throws.
    mutating func expect(_ byte: UInt8) throws(Mismatch) {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw Mismatch() }
        position += 1
    }

    /// Consumes `byte` after whitespace when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws(Mismatch) {
        skipSpace()
        guard position == bytes.count else { throw Mismatch() }
    }

    /// Walks an object, calling `member` with each key; `member` must consume the value.
    mutating func object(_ member: (inout JSONCursor, JSONKey) throws(Mismatch) -> Void) throws(Mismatch) {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try self.key()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Walks an array, calling `element` for each element; `element` must consume it.
    mutating func array(_ element: (inout JSONCursor) throws(Mismatch) -> Void) throws(Mismatch) {
        try expect(UInt8(ascii: "["))
        if take(UInt8(ascii: "]")) { return }
        repeat { try element(&self) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipSpace()
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// An object key, as its raw bytes (a key holding an escape is left to the strict decoder).
    mutating func key() throws(Mismatch) -> JSONKey {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Mismatch() }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]))
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { throw Mismatch() }
            position += 1
        }
        throw Mismatch()
    }

    /// A string value; escapes decoded, UTF-8 validated.
    mutating func string() throws(Mismatch) -> String {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Mismatch() }
        position += 1
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                // ASCII is valid UTF-8 as it stands; only other text needs the (slower) validation.
                if ascii { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else { throw Mismatch() }
                return text
            }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Mismatch() }
            position += 1
        }
        throw Mismatch()
    }

    /// An integer in plain decimal (no fraction or exponent, no leading zeros), within `Int`.
    mutating func int() throws(Mismatch) -> Int {
        skipSpace()
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[position] - 0x30))
            guard !o1, !o2 else { throw Mismatch() }
            value = sum
            position += 1
        }
        let digits = position - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { throw Mismatch() }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw Mismatch()
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    mutating func bool() throws(Mismatch) -> Bool {
        skipSpace()
        if matches("true") { position += 4; return true }
        if matches("false") { position += 5; return false }
        throw Mismatch()
    }

    private func matches(_ word: StaticString) -> Bool {
        guard position + word.utf8CodeUnitCount <= bytes.count else { return false }
        for index in 0..<word.utf8CodeUnitCount where bytes[position + index] != word.utf8Start[index] { return false }
        return true
    }

    /// The slow path of ``string()``: a string holding escapes (rare in a snapshot).
    private mutating func escapedString(from start: Int) throws(Mismatch) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Mismatch() }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Mismatch() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
                default: throw Mismatch()
                }
            default:
                guard byte >= 0x20 else { throw Mismatch() }
                utf8.append(byte)
            }
        }
        throw Mismatch()
    }

    /// The UTF-8 of a `\uXXXX` escape (the `\u` consumed), joining a surrogate pair.
    private mutating func unicodeEscape() throws(Mismatch) -> [UInt8] {
        let high = try hex4()
        var scalarValue = high
        if (0xD800...0xDBFF).contains(high) {
            guard matches("\\u") else { throw Mismatch() }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw Mismatch() }
            scalarValue = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw Mismatch() }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws(Mismatch) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Mismatch() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Mismatch()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
