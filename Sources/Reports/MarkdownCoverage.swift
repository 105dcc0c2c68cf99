import AuditRules

/// The Markdown report's drift (with a baseline) and coverage sections.
struct MarkdownCoverage {
    var context: ReportContext

    /// Drift (only when a baseline was given), then coverage.
    func blocks() -> [String] {
        var blocks: [String] = []
        if context.result.hasBaseline { blocks.append(drift()) }
        blocks.append(coverage())
        return blocks
    }

    private func drift() -> String {
        let new = context.result.findings.filter { $0.drift == .new }
        let resolved = context.result.resolved
        var text = "## Drift since the baseline\n\n\(new.count) new, \(resolved.count) resolved."
        if !new.isEmpty { text += "\n\n### New\n\n" + table(new, summary: "more new findings") }
        if !resolved.isEmpty { text += "\n\n### Resolved\n\n" + table(resolved, summary: "more resolved findings") }
        return text
    }

    private func table(_ findings: [Finding], summary: String) -> String {
        let rows = findings.map { finding in
            MarkdownText.row([
                "`\(finding.ruleId)`", finding.severity.rawValue, finding.status.rawValue,
                MarkdownText.escape(EvidenceText.resource(finding.resource)),
            ])
        }
        return MarkdownText.foldedTable(header: MarkdownText.header(["rule", "severity", "status", "resource"]),
                                        rows: rows, visible: 20, summary: "\(rows.count - 20) \(summary)")
    }

    private func coverage() -> String {
        let entries = context.result.coverage
        var text = "## Coverage\n\n"
        if context.complete {
            text += "Every PSA read the rules needed succeeded."
        } else {
            text += "**Incomplete:** some PSA data could not be read; resources that depended on it are "
                + "reported as errors, never as passing."
        }
        guard !entries.isEmpty else { return text }
        let order: [CoverageEntry.Status] = [.missing, .notEvaluated, .caveat, .complete]
        let sorted = order.flatMap { status in entries.filter { $0.status == status } }
        let rows = sorted.map { entry in
            MarkdownText.row([MarkdownText.escape(entry.area), entry.status.rawValue,
                              MarkdownText.escape(entry.detail, clip: false)])
        }
        return text + "\n\n" + MarkdownText.foldedTable(header: MarkdownText.header(["area", "status", "detail"]),
                                                       rows: rows, visible: 30,
                                                       summary: "\(rows.count - 30) more coverage notes")
    }
}
