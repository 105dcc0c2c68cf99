/// Escaping for XML 1.0 text and attribute values built from untrusted tenant data.
enum XMLText {
    /// True for characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
    /// (Lone surrogates cannot occur in a Swift `String`.)
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Escapes element text: `&`, `<`, `>`; CR as a reference so parsers keep it; invalid characters dropped.
    static func text(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Escapes an attribute value (double-quoted); tab, LF and CR become references because
    /// attribute-value normalisation would otherwise turn them into spaces.
    static func attribute(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\t": out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses every run of whitespace (newlines included) to one space, for one-line messages.
    static func oneLine(_ string: String) -> String {
        string.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
