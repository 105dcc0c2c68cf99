import AuditRules

/// The Markdown report's "Changes since the baseline": one table per kind of change, so the
/// morning reader sees what changed in the PSA itself, not only which findings are new.
package struct MarkdownChanges {
    var result: AuditResult

    /// The section, when a baseline was given.
    func blocks() -> [String] {
        guard result.hasBaseline else { return [] }
        var text = "## Changes since the baseline\n\n"
        guard let changes = result.changes else {
            return [text + "The baseline is a report, so changes in the PSA itself are not known: pass a snapshot "
                + "(`--save-snapshot` tonight, `--baseline` that file tomorrow) to see them."]
        }
        guard !changes.isEmpty else { return [text + "No changes in the PSA since the baseline snapshot."] }
        return [text + "\(changes.count) change(s) in the PSA." + Self.tables(changes)]
    }

    /// One `###` table per kind of change present (what `v360audit diff` prints too).
    package static func tables(_ changes: [SnapshotChange]) -> String {
        var text = ""
        for kind in SnapshotChange.Kind.allCases {
            let entries = changes.filter { $0.kind == kind }
            guard !entries.isEmpty else { continue }
            let (title, columns) = layout(kind)
            let rows = entries.map { change in
                MarkdownText.row(columns.map { MarkdownText.escape(cell(change, $0.field)) })
            }
            text += "\n\n### \(title) (\(entries.count))\n\n"
                + MarkdownText.foldedTable(header: MarkdownText.header(columns.map(\.title)), rows: rows, visible: 25,
                                           summary: "\(rows.count - 25) more")
        }
        return text
    }

    /// Section title and (column title, field) per kind (the HTML and mail reports' tables too).
    static func layout(_ kind: SnapshotChange.Kind) -> (String, [(title: String, field: String)]) {
        switch kind {
        case .apiMember:
            ("API members", [("change", "change"), ("member", "identifier"), ("id", "id"), ("from role", "from"), ("to role", "to")])
        case .rolePermission:
            ("Role permissions held by API members", [("role", "role"), ("module", "module"), ("function", "function"),
                                                     ("op", "op"), ("from", "from"), ("to", "to"), ("members", "members")])
        case .integratorLogin:
            ("Integrator logins", [("change", "change"), ("user name", "username"), ("from", "from"), ("to", "to")])
        case .scannerPermission:
            ("The scanner's own permissions", [("module", "module"), ("function", "function"), ("op", "op"),
                                               ("from", "from"), ("to", "to")])
        }
    }

    /// One cell's plain text, unescaped (the HTML and mail reports' too).
    static func cell(_ change: SnapshotChange, _ field: String) -> String {
        if field == "role" { return "\(text(change["roleName"])) (\(text(change["roleId"])))" }
        return text(change[field])
    }

    /// Strings bare, null as a dash, member lists comma-separated, access flags in words.
    private static func text(_ value: EvidenceValue) -> String {
        switch value {
        case .null: return "—"
        case .list(let items): return items.isEmpty ? "—" : items.map(text).joined(separator: ", ")
        case .object(let fields):
            return fields.map { field in
                let name = field.key == "canAccessAllApisFlag" ? "all APIs" : field.key == "canAccessAllRecordsFlag" ? "all records" : field.key
                return "\(name): \(value == .null ? "—" : (field.value == .bool(true) ? "yes" : field.value == .bool(false) ? "no" : text(field.value)))"
            }.joined(separator: ", ")
        default: return EvidenceText.inline(value)
        }
    }
}
