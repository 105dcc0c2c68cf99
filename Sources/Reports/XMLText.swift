/// Escaping for XML 1.0 text and attribute values built from untrusted tenant data.
///
/// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 and up; lone surrogates
/// cannot occur in a Swift `String`, so what must be dropped is the other C0 controls, U+FFFE and U+FFFF.
///
/// The JUnit report of a large tenant is megabytes of failure text, so the escape works on the
/// string's contiguous UTF-8: a tight scan, and runs that need nothing copied whole.
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

    /// Appends `string` escaped as element text (`attribute: false`) or as an attribute value.
    static func append(_ string: String, attribute: Bool, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { append(utf8: $0, attribute: attribute, to: &out) }
    }

    /// Appends valid UTF-8 `bytes` escaped as element text (`attribute: false`) or as an attribute value.
    static func append(bytes: [UInt8], attribute: Bool, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append(utf8: $0, attribute: attribute, to: &out) }
    }

    private static func escape(_ string: String, attribute: Bool) -> String {
        var string = string
        // Most tenant data needs nothing: one scan of the bytes, and the string is returned as is.
        let clean = string.withUTF8 { bytes in
            bytes.allSatisfy { !(attribute ? mayNeedWorkInAttribute($0) : mayNeedWorkInText($0)) }
        }
        if clean { return string }
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + string.utf8.count / 8)
        string.withUTF8 { append(utf8: $0, attribute: attribute, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The escape itself, on valid UTF-8: every byte replaced is ASCII, and the only multi-byte
    /// sequences dropped (U+FFFE, U+FFFF) are matched whole, so the output stays valid UTF-8.
    private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard attribute ? mayNeedWorkInAttribute(byte) : mayNeedWorkInText(byte) else {
                index += 1
                continue
            }
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)  // only flagged in attributes
            case UInt8(ascii: "\t") where attribute: out.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where attribute: out.append(contentsOf: "&#10;".utf8)
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2  // U+FFFE or U+FFFF
            case 0xEF: out.append(byte)  // another U+F000–U+FFFD character: kept
            default: break  // other C0 controls are not allowed in XML 1.0
            }
            runStart = index
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// True for UTF-8 bytes that may need escaping or dropping in an attribute: controls, markup
    /// characters, and 0xEF, the lead byte of U+F000–U+FFFF (where the forbidden U+FFFE and U+FFFF live).
    @inline(__always)
    private static func mayNeedWorkInAttribute(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0xEF
    }

    /// The same for element text, where tab, newline and `"` stay as they are (failure bodies are
    /// multi-line, and most need no other work).
    @inline(__always)
    private static func mayNeedWorkInText(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")) || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 0xEF
    }

    /// Collapses every run of whitespace (newlines included) to one space, for one-line messages.
    static func oneLine(_ string: String) -> String {
        var string = string
        // ASCII text without tabs, newlines or double spaces (almost every message) is already one line.
        let simple = string.withUTF8 { bytes in
            var previousSpace = true  // a leading space is trimmed too
            for byte in bytes {
                if byte >= 0x80 || (byte < 0x20) || (byte == 0x20 && previousSpace) { return false }
                previousSpace = byte == 0x20
            }
            return !previousSpace || bytes.isEmpty
        }
        if simple { return string }
        return string.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
