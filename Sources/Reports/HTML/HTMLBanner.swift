import AuditRules
import Foundation

/// The top of the HTML report: the verdict banner (gate, complete or not, site, capture time,
/// snapshot fingerprint, where the full reports are) and the open findings by severity as bars.
struct HTMLBanner {
    var context: ReportContext

    /// Appends the `<header>`; `cuts` (what the size limit left out) are named in it.
    func appendHeader(cuts: [String], sizeCap: Int, to out: inout HTMLBuffer) {
        let verdict = HTMLVerdict(context)
        let scan = context.scan
        out.raw("<header class=\"banner \(verdict.state.rawValue)\"><div class=\"wrap\">"
            + "<p class=\"kicker\">v360audit · ConnectWise Manage API access</p><h1><span class=\"verdict\">\(verdict.word)</span> ")
        out.text(scan.site.isEmpty ? "unknown site" : scan.site, maxScalars: 200)
        out.raw("</h1><p class=\"why\">")
        out.text(verdict.sentence)
        if let changes = context.result.changes {
            out.raw(changes.isEmpty ? " No changes in the PSA since the baseline."
                : " <strong>\(changes.count) change(s) in the PSA since the baseline</strong> (<a href=\"#changes\">see below</a>).")
        }
        out.raw("</p><dl class=\"facts\">")
        let gate = context.gate
        fact("Gate", "--fail-on \(gate.failOn.rawValue)" + (gate.failOnNew ? " --fail-on-new" : "") + ": "
            + (gate.passed ? "passed" : "failed by \(gate.failing.count) open finding(s)"), to: &out)
        fact("Scan", context.complete ? "complete: every PSA read succeeded" : "INCOMPLETE: some PSA data could not be read",
             to: &out)
        fact("Site", scan.site.isEmpty ? "unknown" : scan.site, to: &out)
        fact("Captured", scan.capturedAt.formatted(.iso8601) + " (\(scan.source.rawValue))", to: &out)
        out.raw("<div><dt>Snapshot SHA-256</dt><dd><code class=\"hash\">")
        out.text(scan.snapshotSha256)
        out.raw("</code></dd></div>")
        if let url = context.reportURL {
            out.raw("<div><dt>Full reports</dt><dd>")
            Self.link(url, to: &out)
            out.raw("</dd></div>")
        }
        fact("Tool", "v360audit \(context.toolVersion)", to: &out)
        out.raw("</dl>")
        if !cuts.isEmpty {
            out.raw("<p class=\"note cut\"><strong>This report was cut</strong> to stay under \(sizeCap / 1_048_576) MiB: ")
            out.text(cuts.joined(separator: "; "))
            out.raw(" are not shown here. The JSON report (<code>v360audit.json</code>) has everything.</p>")
        }
        out.raw("</div></header>")
    }

    /// A link to `url` when it is an http(s) address, else the text alone: `--report-url` comes
    /// from the command line, and nothing else (`javascript:`, `data:`) belongs in an `href`.
    static func link(_ url: String, to out: inout HTMLBuffer) {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return out.text(url) }
        out.raw("<a href=\"")
        out.text(url)
        out.raw("\">")
        out.text(url)
        out.raw("</a>")
    }

    private func fact(_ term: String, _ value: String, to out: inout HTMLBuffer) {
        out.raw("<div><dt>\(term)</dt><dd>")
        out.text(value, maxScalars: 300)
        out.raw("</dd></div>")
    }

    /// Appends the severity bars: open findings per severity, bars scaled to the largest count.
    func appendCounts(to out: inout HTMLBuffer) {
        let counts = FindingCounts(context.result)
        let largest = max(1, counts.open.values.max() ?? 0)
        out.raw("<section id=\"counts\"><h2>Open findings by severity</h2><table class=\"bars\"><tbody>")
        for severity in Severity.allCases.reversed() {
            let open = counts.open[severity, default: 0]
            let waived = counts.waived[severity, default: 0]
            let percent = open == 0 ? 0 : max(1, open * 100 / largest)
            out.raw("<tr><th scope=\"row\"><span class=\"badge sev-\(severity.rawValue)\">\(severity.rawValue)</span></th>"
                + "<td class=\"bar\"><span class=\"fill sev-\(severity.rawValue)\" style=\"width:\(percent)%\"></span></td>"
                + "<td class=\"num\">\(open) open</td><td class=\"num muted\">"
                + (waived > 0 ? "\(waived) waived" : "") + "</td></tr>")
        }
        out.raw("</tbody></table><p class=\"totals\"><strong>\(counts.openTotal)</strong> open, \(counts.waivedTotal) waived")
        if context.result.hasBaseline {
            out.raw("; since the baseline <strong>\(counts.new)</strong> new and \(context.result.resolved.count) resolved")
        }
        let rules = context.result.rules
        let checks = rules.reduce(0) { $0 + max(1, $1.cases.count) }
        out.raw(". \(rules.count) rules, \(checks) checks.</p></section>")
    }
}
