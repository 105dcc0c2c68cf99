/// Escaping for XML 1.0 text and attribute values built from untrusted tenant data.
///
/// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 and up; lone surrogates
/// cannot occur in a Swift `String`, so what must be dropped is the other C0 controls, U+FFFE and U+FFFF.
enum XMLText {
    /// Escapes element text: `&`, `<`, `>`; CR as a reference so parsers keep it; invalid characters dropped.
    static func text(_ string: String) -> String {
        escape(string, attribute: false)
    }

    /// Escapes an attribute value (double-quoted); tab, LF and CR become references because
    /// attribute-value normalisation would otherwise turn them into spaces.
    static func attribute(_ string: String) -> String {
        escape(string, attribute: true)
    }

    private static func escape(_ string: String, attribute: Bool) -> String {
        // Most tenant data needs nothing: one pass over the bytes, and the string is returned as is.
        guard string.utf8.contains(where: attribute ? mayNeedWorkInAttribute : mayNeedWorkInText) else { return string }
        // Work on UTF-8 bytes: the input is valid UTF-8, every byte replaced is ASCII, and the only
        // multi-byte sequences dropped (U+FFFE, U+FFFF) are matched whole, so the output stays valid.
        let bytes = Array(string.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "\t") where attribute: out.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where attribute: out.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(byte)
            case ..<0x20: break  // other C0 controls are not allowed in XML 1.0
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2  // U+FFFE or U+FFFF
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for UTF-8 bytes that may need escaping or dropping in an attribute: controls, markup
    /// characters, and 0xEF, the lead byte of U+F000–U+FFFF (where the forbidden U+FFFE and U+FFFF live).
    private static func mayNeedWorkInAttribute(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0xEF
    }

    /// The same for element text, where tab, newline and `"` stay as they are (failure bodies are
    /// multi-line, and most need no other work).
    private static func mayNeedWorkInText(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")) || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 0xEF
    }

    /// Collapses every run of whitespace (newlines included) to one space, for one-line messages.
    static func oneLine(_ string: String) -> String {
        string.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
