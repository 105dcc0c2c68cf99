import Foundation

extension Credentials {
    /// Validates and normalises the four credential fields.
    ///
    /// Surrounding whitespace is trimmed with a warning naming the field, except for the single
    /// trailing newline a key file normally ends with. Whitespace or invisible characters inside a
    /// value (NBSP, zero-width characters, BOM, other format/space/control characters) are refused
    /// with an error naming the field — never the value — because pasted keys with stray characters
    /// are the most common setup error and would otherwise surface as an opaque 401.
    /// - Returns: the credentials and the warnings to show.
    /// - Throws: ``ReaderError/invalidCredential(field:reason:)``.
    public static func validated(
        companyId: String, publicKey: String, privateKey: String, clientId: String
    ) throws(ReaderError) -> (Credentials, warnings: [String]) {
        var warnings: [String] = []
        let fields = [("company ID", companyId), ("public key", publicKey), ("private key", privateKey),
                      ("client ID", clientId)]
        var cleaned: [String] = []
        for (field, value) in fields {
            let (clean, warning) = try normalise(value, field: field)
            if let warning { warnings.append(warning) }
            cleaned.append(clean)
        }
        return (Credentials(companyId: cleaned[0], publicKey: cleaned[1], privateKey: cleaned[2],
                            clientId: cleaned[3]), warnings)
    }

    /// Trims one field and checks what remains.
    static func normalise(_ value: String, field: String) throws(ReaderError) -> (String, String?) {
        // A key file normally ends with exactly one newline: drop it silently.
        var text = Substring(value)
        // "\r\n" is one Character, so a single dropLast removes either ending.
        if text.last == "\n" || text.last == "\r\n" { text = text.dropLast() }
        let scalars = Array(text.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, isBlankOrInvisible(scalars[start]) { start += 1 }
        while end > start, isBlankOrInvisible(scalars[end - 1]) { end -= 1 }
        let trimmed = String(String.UnicodeScalarView(scalars[start..<end]))
        guard !trimmed.isEmpty else {
            throw .invalidCredential(field: field, reason: "it is empty")
        }
        if let bad = trimmed.unicodeScalars.first(where: isBlankOrInvisible) {
            let kind = bad.properties.generalCategory == .spaceSeparator || bad == " " || bad == "\t"
                ? "whitespace" : "an invisible character"
            throw .invalidCredential(
                field: field,
                reason: "it contains \(kind) (U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4))) "
                    + "inside the value; copy it again from the PSA without stray spaces")
        }
        let warning = trimmed.unicodeScalars.count == scalars.count
            ? nil : "\(field): surrounding whitespace was removed; check the value was copied completely"
        return (trimmed, warning)
    }

    /// Whitespace, controls, and invisible format characters (Cf: zero-width, BOM, …).
    static func isBlankOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: true
        default: scalar.properties.isWhitespace
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
