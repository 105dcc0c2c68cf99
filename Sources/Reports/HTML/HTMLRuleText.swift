/// A rule's description or remediation (the rule pack's small Markdown) as HTML: paragraphs,
/// numbered and bulleted lists, and `code` spans; everything else is text, escaped.
///
/// Rule packs can come from `--rules DIR`, so their text is escaped like tenant data; only the
/// structure (blank lines, list markers, backticks) becomes markup.
enum HTMLRuleText {
    /// Appends `text` as `<p>`, `<ol>` and `<ul>` blocks.
    static func append(_ text: String, to out: inout HTMLBuffer) {
        var list: String?  // "ol" or "ul" while a list is open
        var paragraph: [Substring] = []
        var item: [Substring] = []
        func closeItem() {
            guard !item.isEmpty else { return }
            out.raw("<li>")
            inline(item.joined(separator: " "), to: &out)
            out.raw("</li>")
            item = []
        }
        func closeBlocks() {
            closeItem()
            if let tag = list { out.raw("</\(tag)>") }
            list = nil
            if !paragraph.isEmpty {
                out.raw("<p>")
                inline(paragraph.joined(separator: " "), to: &out)
                out.raw("</p>")
                paragraph = []
            }
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty {
                closeBlocks()
            } else if let (tag, rest) = listItem(line) {
                if list != tag {
                    closeBlocks()
                    out.raw("<\(tag)>")
                    list = tag
                }
                closeItem()
                item = [rest]
            } else if list != nil {
                item.append(line)
            } else {
                paragraph.append(line)
            }
        }
        closeBlocks()
    }

    /// `("ol", rest)` for `1. rest`, `("ul", rest)` for `- rest` or `* rest`; nil otherwise.
    private static func listItem(_ line: Substring) -> (String, Substring)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return ("ul", line.dropFirst(2)) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return ("ol", line.dropFirst(digits.count + 2))
    }

    /// Text with `code` spans; an unpaired backtick stays a backtick.
    private static func inline(_ text: String, to out: inout HTMLBuffer) {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let isCode = index % 2 == 1 && index < parts.count - 1
            if isCode {
                out.raw("<code>")
                out.text(String(part))
                out.raw("</code>")
            } else {
                if index > 0 && index == parts.count - 1 && index % 2 == 1 { out.raw("`") }
                out.text(String(part))
            }
        }
    }
}
