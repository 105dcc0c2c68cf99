import AuditRules
import Foundation

/// The fleet HTML report (`v360audit-fleet.html`): the morning page across every PSA, in the
/// single report's style (self-contained, no script, a Content-Security-Policy that forbids both).
///
/// The verdict banner, one row per tenant worst first (linked to its own HTML report), the worst
/// findings across tenants, then the tenants that could not be read. Every tenant datum goes
/// through ``HTMLText`` (via ``HTMLBuffer/text(_:)``); links are built from tenant names, which
/// are `[a-z0-9-]` only, and fixed file names.
package struct FleetHTMLReporter: FleetReporter {
    package static let fileName = "v360audit-fleet.html"

    /// Creates the reporter.
    package init() {}

    package func render(_ summary: FleetSummary) -> String {
        var out = HTMLBuffer()
        let state = summary.exitCode == 0 ? "passed" : summary.exitCode == 1 ? "failed" : "incomplete"
        let word = FleetTenant.verdict(summary.exitCode)
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"generator\" content=\"v360audit\"><title>")
        out.text("v360audit fleet \(word): \(summary.tenants.count) tenant(s)")
        out.raw("</title><style>\n" + HTMLStyle.css + "\n</style></head><body>")
        out.raw("<header class=\"banner \(state)\"><div class=\"wrap\"><p class=\"kicker\">v360audit · many PSAs</p>"
            + "<h1><span class=\"verdict\">")
        out.text(word)
        out.raw("</span> \(summary.tenants.count) tenant(s)</h1><p class=\"why\">")
        out.text(summary.verdictSentence + " (exit \(summary.exitCode)). " + summary.outcomeCounts.joined(separator: ", ") + ".")
        out.raw("</p></div></header><nav aria-label=\"Sections\"><a href=\"#tenants\">Tenants</a>"
            + "<a href=\"#findings\">Worst findings</a>" + (summary.failed.isEmpty ? "" : "<a href=\"#unread\">Not read</a>")
            + "</nav><main>")
        tenants(summary, to: &out)
        findings(summary, to: &out)
        unread(summary, to: &out)
        out.raw("</main><footer><div class=\"wrap\">Written by v360audit ")
        out.text(summary.toolVersion)
        out.raw(". Each tenant's full reports are in its own folder; <code>v360audit-fleet.json</code> has this page's "
            + "data for machines.</div></footer></body></html>\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func tenants(_ summary: FleetSummary, to out: inout HTMLBuffer) {
        let severities = Array(Severity.allCases.reversed())
        out.raw("<section id=\"tenants\"><h2>Tenants</h2><table class=\"grid\"><thead><tr><th>Tenant</th><th>Site</th>"
            + "<th>Verdict</th>" + severities.map { "<th class=\"num\">\($0.rawValue.capitalized)</th>" }.joined()
            + "<th class=\"num\">New</th><th class=\"num\">Resolved</th><th class=\"num\">Changes</th><th>Complete</th>"
            + "</tr></thead><tbody>")
        for tenant in summary.tenants {
            out.raw("<tr><td>")
            link(tenant, to: &out)
            out.raw("</td><td>")
            out.text(tenant.site, maxScalars: 120)
            out.raw("</td><td>")
            out.text("\(tenant.verdict) (exit \(tenant.exitCode))")
            out.raw("</td>")
            for severity in severities {
                out.raw("<td class=\"num\">" + (tenant.summary == nil ? "–" : String(tenant.open(severity))) + "</td>")
            }
            let drift = tenant.drift.map { [String($0.new), String($0.resolved), $0.changes.map(String.init) ?? "–"] }
                ?? ["–", "–", "–"]
            out.raw(drift.map { "<td class=\"num\">\($0)</td>" }.joined() + "<td>")
            out.text(tenant.complete ? "yes" : "no: " + (tenant.error ?? "not scanned"), maxScalars: 300)
            out.raw("</td></tr>")
        }
        out.raw("</tbody></table></section>")
    }

    private func findings(_ summary: FleetSummary, to out: inout HTMLBuffer) {
        out.raw("<section id=\"findings\"><h2>Worst findings across tenants</h2>")
        guard !summary.findings.isEmpty else { return out.raw("<p class=\"lead\">No open finding in any tenant.</p></section>") }
        out.raw("<table class=\"grid\"><thead><tr><th>Severity</th><th>Tenant</th><th>Rule</th><th>Resource</th>"
            + "<th>Drift</th></tr></thead><tbody>")
        for finding in summary.findings {
            out.raw("<tr><td><span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td><td>")
            out.text(finding.tenant)
            out.raw("</td><td><code>")
            out.text(finding.ruleId)
            out.raw("</code></td><td>")
            out.text(EvidenceText.resource(finding.resource), maxScalars: 200)
            out.raw("</td><td>" + (finding.drift == .new ? "<span class=\"badge new\">new</span>" : finding.drift?.rawValue ?? "–")
                + "</td></tr>")
        }
        out.raw("</tbody></table><p class=\"note\">The \(summary.findings.count) worst open finding(s); every finding is in "
            + "the tenants' own reports.</p></section>")
    }

    private func unread(_ summary: FleetSummary, to out: inout HTMLBuffer) {
        guard !summary.failed.isEmpty else { return }
        out.raw("<section id=\"unread\"><h2>Tenants that could not be read</h2><ul>")
        for tenant in summary.failed {
            out.raw("<li><strong>")
            link(tenant, to: &out)
            out.raw("</strong> (")
            out.text("\(tenant.site), \(tenant.verdict), exit \(tenant.exitCode)): " + (tenant.error ?? "not scanned"))
            out.raw(tenant.reports.isEmpty ? " No report was written." : "")
            out.raw("</li>")
        }
        out.raw("</ul></section>")
    }

    /// The tenant's name, linked to its HTML report (else its Markdown report) when there is one.
    private func link(_ tenant: FleetTenant, to out: inout HTMLBuffer) {
        guard let report = tenant.reports.first(where: { $0.hasSuffix(HTMLReporter.fileName) })
                ?? tenant.reports.first(where: { $0.hasSuffix(MarkdownReporter.fileName) }) else {
            return out.text(tenant.name)
        }
        out.raw("<a href=\"")
        out.text(report)
        out.raw("\">")
        out.text(tenant.name)
        out.raw("</a>")
    }
}
