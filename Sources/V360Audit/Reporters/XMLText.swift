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
        escape(string, using: textReferences)
    }

    /// Escapes an attribute value (double-quoted); tab, LF and CR become references because
    /// attribute-value normalisation would otherwise turn them into spaces.
    static func attribute(_ string: String) -> String {
        escape(string, using: attributeReferences)
    }

    private static let textReferences: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;",
    ]

    private static let attributeReferences: [Unicode.Scalar: String] = textReferences.merging([
        "\"": "&quot;", "\t": "&#9;", "\n": "&#10;",
    ]) { current, _ in current }

    /// Drops characters XML 1.0 forbids and replaces the rest through `references`.
    private static func escape(_ string: String, using references: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where isAllowed(scalar) {
            if let reference = references[scalar] {
                out.append(contentsOf: reference.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses every run of whitespace (newlines included) to one space, for one-line messages.
    static func oneLine(_ string: String) -> String {
        string.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
