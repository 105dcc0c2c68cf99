import AuditRules

/// The HTML report's findings: open findings by severity, then by rule (its description and
/// remediation once), each finding a `<details>` with its message, evidence tables and
/// fingerprint. The first ``openOnFirstScreen`` are unfolded; the rest are folded.
struct HTMLFindings {
    /// Findings shown unfolded (the first screen); later ones are folded.
    static let openOnFirstScreen = 10

    var context: ReportContext

    /// Appends the section within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        let open = context.result.findings.filter { $0.status == .open }
        out.raw("<section id=\"findings\"><h2>Findings <span class=\"count\">\(open.count) open</span></h2>")
        guard !open.isEmpty else {
            out.raw("<p>No open findings.</p></section>")
            return nil
        }
        let rules = Dictionary(context.result.rules.enumerated().map { ($1.rule.id, ($0, $1.rule)) },
                               uniquingKeysWith: { a, _ in a })
        let start = out.count
        var shown = 0
        var rendered = 0  // findings rendered so far: the first screen's are unfolded
        var cut = false
        for severity in Severity.allCases.reversed() where !cut {
            let matching = open.filter { $0.severity == severity }
            guard !matching.isEmpty else { continue }
            out.raw("<h3 class=\"sev-heading sev-\(severity.rawValue)\">\(severity.rawValue.capitalized) "
                + "<span class=\"count\">\(matching.count)</span></h3>")
            var index = matching.startIndex
            while index < matching.endIndex, !cut {
                let ruleId = matching[index].ruleId
                let end = matching[index...].firstIndex { $0.ruleId != ruleId } ?? matching.endIndex
                let group = matching[index..<end]
                index = end
                let (number, rule) = rules[ruleId] ?? (-1, nil)
                let anchor = number >= 0 ? "rule-\(number)" : nil
                var head = HTMLBuffer()
                ruleHeader(ruleId: ruleId, rule: rule, anchor: anchor, count: group.count, to: &head)
                guard out.count - start + head.count <= budget else { cut = true; break }
                out.append(head)
                let remaining = budget - (out.count - start) - 16
                let count = out.appendItems(group, budget: remaining) { finding, piece in
                    self.finding(finding, unfolded: rendered < Self.openOnFirstScreen, anchor: anchor, to: &piece)
                    rendered += 1
                }
                shown += count
                out.raw("</div>")
                if count < group.count { cut = true }
            }
        }
        var note: String?
        if shown < open.count {
            note = "\(open.count - shown) of \(open.count) open findings"
            out.raw("<p class=\"note cut\">\(open.count - shown) more open findings are left out to keep this report "
                + "under its size limit; the JSON report (<code>v360audit.json</code>) has every finding.</p>")
        }
        out.raw("</section>")
        return note
    }

    /// The rule's heading, description and remediation, opening the rule's `<div>`.
    private func ruleHeader(ruleId: String, rule: RuleMetadata?, anchor: String?, count: Int, to out: inout HTMLBuffer) {
        out.raw("<div class=\"rule\"" + (anchor.map { " id=\"\($0)\"" } ?? "") + "><h4><code>")
        out.text(ruleId)
        out.raw("</code>")
        if let rule {
            out.raw(" — ")
            out.text(rule.title)
        }
        out.raw(" <span class=\"count\">\(count)</span></h4>")
        guard let rule else { return }
        out.raw("<div class=\"about\">")
        HTMLRuleText.append(rule.description, to: &out)
        out.raw("</div><div class=\"fix\"" + (anchor.map { " id=\"\($0)-fix\"" } ?? "") + "><h5>Remediation</h5>")
        HTMLRuleText.append(rule.remediation, to: &out)
        out.raw("</div>")
    }

    /// One finding as a `<details>` block.
    private func finding(_ finding: Finding, unfolded: Bool, anchor: String?, to out: inout HTMLBuffer) {
        let severity = finding.severity.rawValue
        out.raw("<details class=\"finding sev-\(severity)\"" + (unfolded ? " open" : "") + "><summary>")
        out.raw("<span class=\"badge sev-\(severity)\">\(severity)</span> ")
        out.raw("<span class=\"resource\">")
        out.text(EvidenceText.resource(finding.resource), maxScalars: 160)
        out.raw("</span>")
        if finding.drift == .new { out.raw(" <span class=\"badge new\">new</span>") }
        out.raw("</summary><div class=\"body\"><p class=\"message\">")
        out.text(finding.message, maxScalars: 2_000)
        out.raw("</p>")
        if let rendered = context.renderedEvidence?.html(finding) {
            out.append(rendered: rendered)
        } else {
            HTMLEvidence.append(finding.evidence, to: &out)
        }
        out.raw("<p class=\"meta\">Fingerprint <code class=\"fingerprint\">\(finding.fingerprint)</code>")
        if let anchor { out.raw(" · <a href=\"#\(anchor)-fix\">remediation</a>") }
        out.raw("</p></div></details>")
    }
}
