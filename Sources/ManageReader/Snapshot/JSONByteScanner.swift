import Foundation

/// A forgiving cursor over JSON bytes: just enough tokenising to walk a document that JSONDecoder
/// has already accepted (so it never needs to report syntax errors itself).
struct JSONByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":"),
               comma = UInt8(ascii: ","), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"),
               openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8? { atEnd ? nil : bytes[position] }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
                || bytes[position] == 0x09 {
            position += 1
        }
    }

    /// Consumes `byte` (after whitespace) when it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    /// Reads a string token at the cursor, decoding its escapes.
    mutating func readString() -> String {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count, bytes[position] != Self.quote {
            if bytes[position] == Self.backslash { escaped = true; position += 1 }
            position += 1
        }
        let raw = bytes[start..<min(position, bytes.count)]
        position += 1
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        // Rare: let Foundation decode the escapes exactly.
        let token = [Self.quote] + raw + [Self.quote]
        return (try? JSONSerialization.jsonObject(with: Data(token), options: .fragmentsAllowed) as? String)
            ?? String(decoding: raw, as: UTF8.self)
    }

    /// Skips one value of any kind.
    mutating func skipValue() {
        skipSpace()
        guard let first = current else { return }
        switch first {
        case Self.quote:
            _ = readString()
        case Self.openBrace, Self.openBracket:
            var depth = 0
            while let byte = current {
                switch byte {
                case Self.quote: _ = readString(); continue
                case Self.openBrace, Self.openBracket: depth += 1
                case Self.closeBrace, Self.closeBracket:
                    depth -= 1
                    if depth == 0 { position += 1; return }
                default: break
                }
                position += 1
            }
        default:
            while let byte = current, byte != Self.comma, byte != Self.closeBrace, byte != Self.closeBracket,
                  byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 {
                position += 1
            }
        }
    }
}
