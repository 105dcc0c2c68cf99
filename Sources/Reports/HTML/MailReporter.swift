import AuditRules

/// The mail summary (`v360audit.mail.html`, `--format mail`): the body of the morning mail.
///
/// Verdict, counts, changes and new findings (at most ``maxRows`` rows each, then "and N more"),
/// the plan's headline, and where the full reports are. Mail clients strip `<style>` and ignore
/// SVG and scripts, so it is tables and inline `style` attributes only, no image; and it stays
/// under ``sizeCap`` (Gmail clips larger bodies). Tenant data goes through ``HTMLText``.
package struct MailReporter: Reporter {
    package static let identifier = "mail"
    package static let fileName = "v360audit.mail.html"
    /// Rows of each table before the rest are counted as "and N more".
    static let maxRows = 25
    /// The size limit: Gmail clips a message body past 102 KB.
    var sizeCap: Int

    /// A reporter whose output stays under `sizeCap` bytes.
    package init(sizeCap: Int = 100 * 1_024) {
        self.sizeCap = sizeCap
    }

    private static let font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
    private static let cell = "padding:4px 8px;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:top;"
    private static let heading = "margin:18px 0 6px;font-size:16px;color:#1f2328;"

    package func render(_ context: ReportContext) -> String {
        let verdict = HTMLVerdict(context)
        let scan = context.scan
        let site = scan.site.isEmpty ? "unknown site" : scan.site
        var out = HTMLBuffer()
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        out.text("v360audit \(verdict.word): \(site)", maxScalars: 200)
        out.raw("</title></head><body style=\"margin:0;padding:16px 8px;background:#f6f8fa;\(Self.font)color:#1f2328;\">"
            + "<table role=\"presentation\" style=\"max-width:680px;width:100%;margin:0 auto;border-collapse:collapse;"
            + "background:#ffffff;border:1px solid #d1d9e0;\"><tr><td style=\"padding:0;\">")
        let (background, text) = verdict.mailColours
        out.raw("<div style=\"background:\(background);color:\(text);padding:16px 20px;\">"
            + "<div style=\"font-size:12px;letter-spacing:1px;\">V360AUDIT · CONNECTWISE MANAGE API ACCESS</div>"
            + "<div style=\"font-size:22px;font-weight:bold;margin:4px 0;\">\(verdict.word) · ")
        out.text(site, maxScalars: 120)
        out.raw("</div><div style=\"font-size:15px;\">")
        out.text(verdict.sentence)
        out.raw("</div><div style=\"font-size:12px;margin-top:6px;\">Captured ")
        out.text(scan.capturedAt.formatted(.iso8601))
        out.raw(" · snapshot SHA-256 <code>")
        out.text(String(scan.snapshotSha256.prefix(16)))
        out.raw("…</code> · v360audit ")
        out.text(context.toolVersion)
        out.raw("</div></div><div style=\"padding:4px 20px 16px;\">")
        counts(context, to: &out)
        let budget = (sizeCap - out.count - 8 * 1_024) / 2
        changes(context, budget: budget, to: &out)
        findings(context, budget: budget, to: &out)
        out.raw("<h2 style=\"\(Self.heading)\">Remediation plan</h2><p style=\"margin:0;\">")
        out.text(HTMLPlan.headline(context.result.plan))
        out.raw("</p><h2 style=\"\(Self.heading)\">Full reports</h2><p style=\"margin:0;\">")
        if let url = context.reportURL {
            HTMLBanner.link(url, to: &out)
        } else if let directory = context.reportDirectory {
            out.raw("<code>")
            out.text(directory.hasSuffix("/") ? directory + HTMLReporter.fileName : directory + "/" + HTMLReporter.fileName)
            out.raw("</code> on the machine that ran the scan")
        } else {
            out.raw("<code>\(HTMLReporter.fileName)</code> beside this file")
        }
        out.raw(" (the JSON report beside it has everything).</p></div></td></tr></table></body></html>\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func counts(_ context: ReportContext, to out: inout HTMLBuffer) {
        let counts = FindingCounts(context.result)
        out.raw("<h2 style=\"\(Self.heading)\">Open findings</h2><table role=\"presentation\" style=\"border-collapse:collapse;\">")
        for severity in Severity.allCases.reversed() {
            let open = counts.open[severity, default: 0]
            let waived = counts.waived[severity, default: 0]
            out.raw("<tr><td style=\"\(Self.cell)\">\(badge(severity))</td><td style=\"\(Self.cell)text-align:right;"
                + (open > 0 ? "font-weight:bold;" : "color:#59636e;") + "\">\(open)</td><td style=\"\(Self.cell)color:#59636e;\">"
                + (waived > 0 ? "\(waived) waived" : "") + "</td></tr>")
        }
        out.raw("</table>")
    }

    private func changes(_ context: ReportContext, budget: Int, to out: inout HTMLBuffer) {
        let result = context.result
        guard result.hasBaseline else { return }
        let new = result.findings.filter { $0.status == .open && $0.drift == .new }
        out.raw("<h2 style=\"\(Self.heading)\">Since the baseline</h2><p style=\"margin:0 0 6px;\">\(new.count) new open "
            + "finding(s), \(result.resolved.count) resolved")
        guard let changes = result.changes, !changes.isEmpty else {
            out.raw(result.changes == nil ? "." : "; no changes in the PSA.")
            out.raw("</p>")
            return
        }
        out.raw("; \(changes.count) change(s) in the PSA:</p>")
        table(["what", "change"], changes, budget: budget, to: &out) { change, piece in
            let (title, columns) = MarkdownChanges.layout(change.kind)
            piece.raw("<td style=\"\(Self.cell)\">")
            piece.text(title)
            piece.raw("</td><td style=\"\(Self.cell)\">")
            let parts = columns.map { "\($0.title): \(MarkdownChanges.cell(change, $0.field))" }
            piece.text(parts.joined(separator: "; "), maxScalars: 300)
            piece.raw("</td>")
        }
    }

    private func findings(_ context: ReportContext, budget: Int, to out: inout HTMLBuffer) {
        let result = context.result
        let open = result.findings.filter { $0.status == .open }
        // With a baseline, what is new; on the first night, the most severe open findings.
        let listed = result.hasBaseline
            ? open.filter { $0.drift == .new }
            : Severity.allCases.reversed().flatMap { severity in open.filter { $0.severity == severity } }
        guard !listed.isEmpty else { return }
        out.raw("<h2 style=\"\(Self.heading)\">" + (result.hasBaseline ? "New findings" : "Open findings, most severe first")
            + "</h2>")
        table(["severity", "rule", "resource"], listed, budget: budget, to: &out) { finding, piece in
            piece.raw("<td style=\"\(Self.cell)\">\(badge(finding.severity))</td><td style=\"\(Self.cell)\"><code>")
            piece.text(finding.ruleId)
            piece.raw("</code></td><td style=\"\(Self.cell)\">")
            piece.text(EvidenceText.resource(finding.resource), maxScalars: 160)
            piece.raw("</td>")
        }
    }

    /// A table of at most ``maxRows`` rows within `budget` bytes, then "and N more".
    private func table<Item>(_ headers: [String], _ items: [Item], budget: Int, to out: inout HTMLBuffer,
                             _ row: (Item, inout HTMLBuffer) -> Void) {
        out.raw("<table style=\"border-collapse:collapse;width:100%;font-size:14px;\"><tr>")
        for header in headers { out.raw("<th style=\"\(Self.cell)background:#f6f8fa;\">\(header)</th>") }
        out.raw("</tr>")
        let shown = out.appendItems(items.prefix(Self.maxRows), budget: budget) { item, piece in
            piece.raw("<tr>")
            row(item, &piece)
            piece.raw("</tr>")
        }
        out.raw("</table>")
        if shown < items.count { out.raw("<p style=\"margin:4px 0;color:#59636e;\">and \(items.count - shown) more.</p>") }
    }

    private func badge(_ severity: Severity) -> String {
        let colours: (String, String) = switch severity {
        case .critical: ("#b02a37", "#fbe3e5")
        case .high: ("#c4540a", "#fde9d9")
        case .medium: ("#9a6700", "#fff3cd")
        case .low: ("#087990", "#d7f3f9")
        case .info: ("#6e7781", "#eaeef2")
        }
        return "<span style=\"display:inline-block;padding:0 7px;border:1px solid \(colours.0);border-radius:9px;"
            + "color:\(colours.0);background:\(colours.1);font-size:12px;font-weight:bold;\">\(severity.rawValue)</span>"
    }
}
