import AuditRules

/// The HTML report's waived findings: one table row each, with the waiver that matched.
struct HTMLWaived {
    var findings: [Finding]

    /// Appends the section (nothing when no finding is waived) within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        let waived = findings.filter { $0.status == .waived }
        guard !waived.isEmpty else { return nil }
        out.raw("<section id=\"waived\"><h2>Waived <span class=\"count\">\(waived.count)</span></h2>"
            + "<p>Accepted risks: reported, not counted by the gate.</p><div class=\"scroll\"><table class=\"grid\"><thead><tr>"
            + "<th scope=\"col\">severity</th><th scope=\"col\">rule</th><th scope=\"col\">resource</th>"
            + "<th scope=\"col\">waiver</th><th scope=\"col\">owner</th><th scope=\"col\">ticket</th>"
            + "<th scope=\"col\">expires</th><th scope=\"col\">reason</th><th scope=\"col\">pinned</th>"
            + "<th scope=\"col\">fingerprint</th></tr></thead><tbody>")
        let shown = out.appendItems(waived, budget: budget - 512) { finding, piece in
            let severity = finding.severity.rawValue
            piece.raw("<tr><td><span class=\"badge sev-\(severity)\">\(severity)</span></td><td><code>")
            piece.text(finding.ruleId)
            piece.raw("</code></td>")
            for value in [EvidenceText.resource(finding.resource), finding.waiver?.id ?? "", finding.waiver?.owner ?? "",
                          finding.waiver?.ticket ?? "—", finding.waiver?.expires ?? "", finding.waiver?.reason ?? "",
                          finding.waiver?.fingerprint == nil ? "—" : "pinned"] {
                piece.raw("<td>")
                piece.text(value, maxScalars: 300)
                piece.raw("</td>")
            }
            piece.raw("<td><code class=\"fingerprint\">\(finding.fingerprint)</code></td></tr>")
        }
        out.raw("</tbody></table></div>")
        var note: String?
        if shown < waived.count {
            note = "\(waived.count - shown) of \(waived.count) waived findings"
            out.raw("<p class=\"note cut\">\(waived.count - shown) more waived findings are left out to keep this report "
                + "under its size limit; the JSON report (<code>v360audit.json</code>) has them all.</p>")
        }
        out.raw("</section>")
        return note
    }
}
