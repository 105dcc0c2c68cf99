import AuditRules

/// The HTML report's "Since the baseline": findings new and resolved, and what changed in the PSA
/// itself (one table per kind of change, the columns `v360audit diff` and the Markdown report use).
struct HTMLChanges {
    var result: AuditResult

    /// Appends the section (nothing without a baseline) within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        guard result.hasBaseline else { return nil }
        let start = out.count
        let new = result.findings.filter { $0.drift == .new && $0.status == .open }
        out.raw("<section id=\"changes\"><h2>Since the baseline</h2><p class=\"lead\">")
        out.raw("<strong>\(new.count)</strong> new open finding(s), <strong>\(result.resolved.count)</strong> resolved")
        if let changes = result.changes {
            out.raw(changes.isEmpty ? "; no changes in the PSA." : "; <strong>\(changes.count)</strong> change(s) in the PSA.")
        } else {
            out.raw(". The baseline is a report, so changes in the PSA itself are not known: pass a snapshot "
                + "(<code>--save-snapshot</code> tonight, <code>--baseline</code> that file tomorrow) to see them.")
        }
        out.raw("</p>")
        var cuts: [String] = []
        // Each table gets a share of what is left, so a flood of one kind cannot hide the others.
        func share(_ parts: Int) -> Int { max(0, (budget - (out.count - start) - 1_024) / max(1, parts)) }
        var kinds = SnapshotChange.Kind.allCases.map { kind in (result.changes ?? []).filter { $0.kind == kind } }
        kinds.removeAll { $0.isEmpty }
        var parts = kinds.count + (new.isEmpty ? 0 : 1) + (result.resolved.isEmpty ? 0 : 1)
        if !new.isEmpty {
            findingTable("New open findings", new, budget: share(parts), cuts: &cuts, to: &out)
            parts -= 1
        }
        if !result.resolved.isEmpty {
            findingTable("Resolved findings", result.resolved, budget: share(parts), cuts: &cuts, to: &out)
            parts -= 1
        }
        for entries in kinds {
            let (title, columns) = MarkdownChanges.layout(entries[0].kind)
            out.raw("<h3>")
            out.text(title)
            out.raw(" <span class=\"count\">\(entries.count)</span></h3><div class=\"scroll\"><table class=\"grid\"><thead><tr>")
            for column in columns { out.raw("<th scope=\"col\">\(column.title)</th>") }
            out.raw("</tr></thead><tbody>")
            let shown = out.appendItems(entries, budget: share(parts)) { change, piece in
                piece.raw("<tr>")
                for column in columns {
                    piece.raw("<td>")
                    piece.text(MarkdownChanges.cell(change, column.field), maxScalars: 300)
                    piece.raw("</td>")
                }
                piece.raw("</tr>")
            }
            parts -= 1
            closeTable(shown: shown, of: entries.count, what: title.lowercased(), cuts: &cuts, to: &out)
        }
        out.raw("</section>")
        return cuts.isEmpty ? nil : cuts.joined(separator: ", ")
    }

    /// A table of findings (rule, severity, resource, message).
    private func findingTable(_ title: String, _ findings: [Finding], budget: Int, cuts: inout [String],
                              to out: inout HTMLBuffer) {
        out.raw("<h3>\(title) <span class=\"count\">\(findings.count)</span></h3><div class=\"scroll\"><table class=\"grid\"><thead><tr>"
            + "<th scope=\"col\">severity</th><th scope=\"col\">rule</th><th scope=\"col\">resource</th>"
            + "<th scope=\"col\">message</th></tr></thead><tbody>")
        let shown = out.appendItems(findings, budget: budget) { finding, piece in
            Self.findingRow(finding, to: &piece)
        }
        closeTable(shown: shown, of: findings.count, what: title.lowercased(), cuts: &cuts, to: &out)
    }

    /// One finding as a table row: severity badge, rule, resource and message.
    static func findingRow(_ finding: Finding, to out: inout HTMLBuffer) {
        let severity = finding.severity.rawValue
        out.raw("<tr><td><span class=\"badge sev-\(severity)\">\(severity)</span></td><td><code>")
        out.text(finding.ruleId)
        out.raw("</code></td><td>")
        out.text(EvidenceText.resource(finding.resource), maxScalars: 200)
        out.raw("</td><td>")
        out.text(finding.message, maxScalars: 300)
        out.raw("</td></tr>")
    }

    private func closeTable(shown: Int, of total: Int, what: String, cuts: inout [String], to out: inout HTMLBuffer) {
        out.raw("</tbody></table></div>")
        guard shown < total else { return }
        cuts.append("\(total - shown) of \(total) \(what)")
        out.raw("<p class=\"note cut\">\(total - shown) more left out to keep this report under its size limit; "
            + "the JSON report (<code>v360audit.json</code>) has them all.</p>")
    }
}
