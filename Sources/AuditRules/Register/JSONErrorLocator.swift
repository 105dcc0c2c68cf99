import Foundation

/// Finds the line of the first syntax error in JSON text, because Foundation's decoder does not
/// say where the problem is. A small, non-recursive scanner: it checks structure, strings and
/// literals, enough to point at the broken spot.
enum JSONErrorLocator {
    /// The 1-based line of the first syntax error, or nil when the text scans as JSON.
    static func firstErrorLine(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        var stack: [UInt8] = []          // open containers: `{` or `[`
        var expectValue = true           // a value is due (after `[`, `:`, `,` or at the start)
        var expectKey = false            // inside `{`, a key (string) or `}` is due
        var keyRequired = false          // after a `,` in an object only a key may follow
        func line(_ at: Int) -> Int { 1 + bytes[..<min(at, bytes.count)].filter { $0 == 0x0A }.count }
        func skipSpace() { while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 } }
        func scanString() -> Bool {
            i += 1
            while i < bytes.count {
                switch bytes[i] {
                case 0x5C: i += 2
                case 0x22: i += 1; return true
                case 0x0A: return false
                default: i += 1
                }
            }
            return false
        }
        func scanScalar() -> Bool {
            let start = i
            while i < bytes.count, !([0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09, 0x3A].contains(bytes[i])) { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            return ["true", "false", "null"].contains(word) || Double(word) != nil
        }
        while true {
            skipSpace()
            guard i < bytes.count else { return stack.isEmpty && !expectValue ? nil : line(i) }
            let c = bytes[i]
            if expectKey {
                if c == 0x7D, stack.last == 0x7B, !keyRequired {
                    stack.removeLast(); i += 1; expectKey = false; expectValue = false; continue
                }
                guard c == 0x22, scanString() else { return line(i) }
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { return line(i) }
                i += 1; expectKey = false; expectValue = true; continue
            }
            if expectValue {
                switch c {
                case 0x7B: stack.append(c); i += 1; expectKey = true; keyRequired = false; expectValue = false
                case 0x5B: stack.append(c); i += 1
                    skipSpace()
                    if i < bytes.count, bytes[i] == 0x5D { stack.removeLast(); i += 1; expectValue = false }
                case 0x22: guard scanString() else { return line(i) }; expectValue = false
                default: guard scanScalar() else { return line(i) }; expectValue = false
                }
                continue
            }
            switch c {
            case 0x2C where stack.last == 0x7B: i += 1; expectKey = true; keyRequired = true
            case 0x2C where stack.last == 0x5B: i += 1; expectValue = true
            case 0x7D where stack.last == 0x7B, 0x5D where stack.last == 0x5B: stack.removeLast(); i += 1
            default: return line(i)
            }
        }
    }
}
