import AuditRules

/// Escaping for tenant data placed in GitHub-flavoured Markdown (table cells, headings, prose).
package enum MarkdownText {
    /// Characters longer than this are clipped with `…` in tables and headings (the JSON report
    /// keeps the full value).
    static let maxLength = 200

    /// Escapes text so it renders literally and cannot break a table row: backslash and Markdown
    /// punctuation are backslash-escaped (`|` becomes `\|`, which GFM tables honour), `<`, `>`, `&`
    /// become entities, newlines become spaces and control characters are dropped.
    package static func escape(_ string: String, clip: Bool = true) -> String {
        // Tenant data is nearly all ASCII: escape it byte by byte (a report writes hundreds of
        // thousands of cells); anything else goes character by character below.
        if let ascii = escapeASCII(string, clip: clip) { return ascii }
        return escapeCharacters(string, clip: clip)
    }

    /// ``escape(_:clip:)`` character by character: the reference the ASCII path is tested against.
    static func escapeCharacters(_ string: String, clip: Bool) -> String {
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

    /// ``escape(_:clip:)`` for an all-ASCII string, with the same output; nil for any other string.
    /// (`\r\n` is one character there, so it becomes one space and counts once toward the clip.)
    static func escapeASCII(_ string: String, clip: Bool) -> String? {
        var copy = string
        return copy.withUTF8 { bytes -> String? in
            var plain = bytes.count <= maxLength || !clip
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if plain, byte < 0x20 || byte == 0x7F || specialASCII[Int(byte)] { plain = false }
            }
            if plain { return string }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var count = 0, index = 0
            while index < bytes.count {
                if clip && count == maxLength {
                    out.append(contentsOf: "…".utf8)
                    break
                }
                count += 1
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\r"):
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    out.append(0x20)
                case UInt8(ascii: "\n"), UInt8(ascii: "\t"): out.append(0x20)
                case ..<0x20, 0x7F: continue
                default:
                    if specialASCII[Int(byte)] { out.append(UInt8(ascii: "\\")) }
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ASCII punctuation Markdown gives a meaning, escaped with a backslash (plus `<`, `>`, `&`,
    /// written as entities), by byte value.
    private static let specialASCII: [Bool] = (0..<128).map { byte in
        "\\`*_[]|~#!<>&".utf8.contains(UInt8(byte))
    }

    /// A table row from already-escaped cells.
    static func row(_ cells: [String]) -> String {
        // Built in one string: a large tenant's report has tens of thousands of rows.
        var out = "| "
        out.reserveCapacity(cells.reduce(4) { $0 + $1.utf8.count + 3 })
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += " | " }
            out += cell.isEmpty ? " " : cell
        }
        out += " |"
        return out
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

extension MarkdownText {
    /// `escape(EvidenceText.inline(value))`, without rendering what the clip would drop: the folded
    /// rows of a large tenant's overbroad findings each hold tens of kilobytes of evidence.
    static func evidenceCell(_ value: EvidenceValue) -> String {
        // A string renders as itself (most cells: the columns of an excess table).
        if case .string(let string) = value { return escape(string) }
        let limit = 8 * maxLength
        let start = EvidenceText.inline(value, stoppingAfter: limit)
        // Only the last character of `start` can be cut short, so more than maxLength + 1 of them
        // means the clipped cell is the same; a short value was not cut at all.
        if start.utf8.count < limit || start.count > maxLength + 1 { return escape(start) }
        return escape(EvidenceText.inline(value))
    }
}
