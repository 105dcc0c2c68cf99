import AuditRules

/// A finding's evidence as HTML tables: one `evidence | value` table for the plain fields, and a
/// table per list of objects (each excess permission a row, the union of their keys as columns).
enum HTMLEvidence {
    /// Rows of one table shown before the rest are left to the JSON report.
    static let maxRows = 100
    /// Unicode scalars of one cell shown before it is cut with `…`.
    static let maxCell = 300

    /// Appends `evidence`'s tables (nothing for an empty object).
    static func append(_ evidence: EvidenceValue, to out: inout HTMLBuffer) {
        guard case .object(let fields) = evidence else {
            out.raw("<p class=\"evidence\">")
            cell(evidence, to: &out)
            out.raw("</p>")
            return
        }
        var plain: [EvidenceField] = []
        var tables: [(String, [EvidenceValue])] = []
        for field in fields {
            if case .list(let items) = field.value, !items.isEmpty, items.allSatisfy(EvidenceText.isObject) {
                tables.append((field.key, items))
            } else {
                plain.append(field)
            }
        }
        if !plain.isEmpty {
            out.raw("<div class=\"scroll\"><table class=\"kv\"><thead><tr><th scope=\"col\">evidence</th><th scope=\"col\">value</th></tr></thead><tbody>")
            for field in plain {
                out.raw("<tr><th scope=\"row\">")
                out.text(field.key, maxScalars: maxCell)
                out.raw("</th><td>")
                cell(field.value, to: &out)
                out.raw("</td></tr>")
            }
            out.raw("</tbody></table></div>")
        }
        for (key, items) in tables { objectTable(key, items, to: &out) }
    }

    /// A table of objects with the union of their keys as columns, first seen first.
    private static func objectTable(_ key: String, _ items: [EvidenceValue], to out: inout HTMLBuffer) {
        var columns: [String] = []
        for case .object(let fields) in items {
            for field in fields where !columns.contains(field.key) { columns.append(field.key) }
        }
        out.raw("<div class=\"scroll\"><table class=\"grid\"><caption>")
        out.text(key, maxScalars: maxCell)
        out.raw(" (\(items.count))</caption><thead><tr>")
        for column in columns {
            out.raw("<th scope=\"col\">")
            out.text(column, maxScalars: maxCell)
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>")
        for case .object(let fields) in items.prefix(maxRows) {
            out.raw("<tr>")
            for column in columns {
                out.raw("<td>")
                if let field = fields.first(where: { $0.key == column }) { cell(field.value, to: &out) }
                out.raw("</td>")
            }
            out.raw("</tr>")
        }
        out.raw("</tbody></table></div>")
        if items.count > maxRows {
            out.raw("<p class=\"note\">\(items.count - maxRows) more rows are in the JSON report (<code>v360audit.json</code>).</p>")
        }
    }

    /// One value, inline and cut (null as a dash).
    static func cell(_ value: EvidenceValue, to out: inout HTMLBuffer) {
        switch value {
        case .null: out.raw("<span class=\"muted\">—</span>")
        case .string(let string): out.text(string, maxScalars: maxCell)
        default:
            // Render no more than the cut shows: an excess list runs to tens of kilobytes.
            out.text(EvidenceText.inline(value, stoppingAfter: 4 * maxCell), maxScalars: maxCell)
        }
    }
}
