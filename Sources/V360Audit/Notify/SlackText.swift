/// Slack's escaping of text in `mrkdwn` and `text` fields: `&`, `<` and `>` become `&amp;`,
/// `&lt;` and `&gt;`, so tenant data cannot form a link, a mention or a `<!channel>` ping.
///
/// Escapes per Unicode scalar, never per `Character`: `<` followed by a combining mark
/// (`"<\u{338}!channel>"`) is one grapheme cluster that does not compare equal to `"<"`, so an
/// escaper walking Characters would let the raw `<` through to Slack, which reads bytes.
enum SlackText {
    /// `text` with `&`, `<`, `>` escaped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A link `<url|label>`, or nil when `url` is not http(s). In the URL `&` is escaped as Slack
    /// asks, and `<`, `>`, `|` (which would end the link early) are percent-encoded.
    static func link(_ url: String, label: String) -> String? {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return nil }
        var safe = String.UnicodeScalarView()
        for scalar in url.unicodeScalars {
            switch scalar {
            case "&": safe.append(contentsOf: "&amp;".unicodeScalars)
            case "<": safe.append(contentsOf: "%3C".unicodeScalars)
            case ">": safe.append(contentsOf: "%3E".unicodeScalars)
            case "|": safe.append(contentsOf: "%7C".unicodeScalars)
            default: safe.append(scalar)
            }
        }
        return "<\(String(safe))|\(escape(label))>"
    }

    /// Slack's length of a text (its limits count UTF-16 code units, as JavaScript does, which
    /// is never fewer than the characters a person sees).
    static func length(_ text: String) -> Int { text.utf16.count }
}
