/// Escaping for tenant data placed in GitHub-flavoured Markdown (table cells, headings, prose).
enum MarkdownText {
    /// Characters longer than this are clipped with `…` in tables and headings (the JSON report
    /// keeps the full value).
    static let maxLength = 200

    /// Escapes text so it renders literally and cannot break a table row: backslash and Markdown
    /// punctuation are backslash-escaped (`|` becomes `\|`, which GFM tables honour), `<`, `>`, `&`
    /// become entities, newlines become spaces and control characters are dropped.
    static func escape(_ string: String, clip: Bool = true) -> String {
        var out = ""
        var count = 0
        for character in string {
            if clip && count == maxLength {
                out += "…"
                break
            }
            count += 1
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default:
                guard !character.unicodeScalars.contains(where: isControl) else { continue }
                out.append(character)
            }
        }
        return out
    }

    /// A table row from already-escaped cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }

    /// A header row plus its delimiter row.
    static func header(_ cells: [String], alignRight: Set<Int> = []) -> String {
        row(cells) + "\n|" + cells.indices.map { alignRight.contains($0) ? " ---: |" : " --- |" }.joined()
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

extension MarkdownText {
    /// A table whose rows after the first `visible` are folded into a `<details>` block that repeats the header.
    static func foldedTable(header: String, rows: [String], visible: Int, summary: String) -> String {
        guard rows.count > visible else { return ([header] + rows).joined(separator: "\n") }
        let shown = ([header] + rows.prefix(visible)).joined(separator: "\n")
        let rest = ([header] + rows.dropFirst(visible)).joined(separator: "\n")
        return shown + "\n\n<details><summary>\(summary)</summary>\n\n" + rest + "\n\n</details>"
    }
}
