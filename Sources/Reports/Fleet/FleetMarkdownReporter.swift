import AuditRules

/// The fleet Markdown report (`v360audit-fleet.md`): the verdict, one line per tenant worst first
/// (site, verdict, open findings by severity, new findings and changes since its baseline,
/// complete or why not), the worst findings across tenants, then the tenants that could not be
/// read. Tenant data is escaped as in the single report; each tenant's own reports are linked.
package struct FleetMarkdownReporter: FleetReporter {
    /// Creates the reporter.
    package init() {}

    package static let fileName = "v360audit-fleet.md"

    package func render(_ summary: FleetSummary) -> String {
        [header(summary), tenantsTable(summary), findingsTable(summary), failedList(summary)]
            .compactMap { $0 }.joined(separator: "\n\n") + "\n"
    }

    private func header(_ summary: FleetSummary) -> String {
        let open: [String] = Severity.allCases.reversed().map { "\(summary.open($0)) \($0.rawValue)" }
        let verdictLine = "**\(summary.verdictSentence)** (exit \(summary.exitCode))."
        let countsLine = "\(summary.tenants.count) tenant(s): " + summary.outcomeCounts.joined(separator: ", ") + ". "
        let openLine = "Open findings across the fleet: " + open.joined(separator: ", ") + ". "
        return "# v360audit fleet report\n\n" + verdictLine + "\n\n" + countsLine + openLine
            + "Each tenant's full reports are in its own folder."
    }

    private func tenantsTable(_ summary: FleetSummary) -> String {
        let severities = Severity.allCases.reversed()
        let columns = ["Tenant", "Site", "Verdict"] + severities.map { $0.rawValue.capitalized }
            + ["New", "Resolved", "Changes", "Complete"]
        var lines = ["## Tenants", "", MarkdownText.header(columns, alignRight: Set(3..<(columns.count - 1)))]
        for tenant in summary.tenants {
            let name = tenant.reports.first { $0.hasSuffix(MarkdownReporter.fileName) }
                .map { "[\(MarkdownText.escape(tenant.name))](\($0))" } ?? MarkdownText.escape(tenant.name)
            let counts = severities.map { tenant.summary == nil ? "–" : String(tenant.open($0)) }
            let drift = tenant.drift.map { [String($0.new), String($0.resolved), $0.changes.map(String.init) ?? "–"] }
                ?? ["–", "–", "–"]
            let complete = tenant.complete ? "yes" : "no: " + MarkdownText.escape(tenant.error ?? "not scanned")
            lines.append(MarkdownText.row([name, MarkdownText.escape(tenant.site),
                                           "\(tenant.verdict) (exit \(tenant.exitCode))"] + counts + drift + [complete]))
        }
        return lines.joined(separator: "\n")
    }

    private func findingsTable(_ summary: FleetSummary) -> String {
        guard !summary.findings.isEmpty else { return "## Worst findings across tenants\n\nNo open finding in any tenant." }
        var lines = ["## Worst findings across tenants", "",
                     MarkdownText.header(["Severity", "Tenant", "Rule", "Resource", "Drift"])]
        for finding in summary.findings {
            lines.append(MarkdownText.row([
                finding.severity.rawValue.uppercased(), MarkdownText.escape(finding.tenant),
                "`\(finding.ruleId)`", MarkdownText.escape(EvidenceText.resource(finding.resource)),
                finding.drift?.rawValue ?? "–",
            ]))
        }
        let kept = summary.findings.count
        lines.append("")
        lines.append("The \(kept) worst open finding(s); every finding is in the tenants' own reports.")
        return lines.joined(separator: "\n")
    }

    private func failedList(_ summary: FleetSummary) -> String? {
        let failed = summary.failed
        guard !failed.isEmpty else { return nil }
        var lines = ["## Tenants that could not be read", ""]
        for tenant in failed {
            let reports = tenant.reports.isEmpty ? " No report was written."
                : " Reports: " + tenant.reports.map { "[\($0)](\($0))" }.joined(separator: ", ") + "."
            lines.append("- **\(MarkdownText.escape(tenant.name))** (\(MarkdownText.escape(tenant.site)), "
                + "\(tenant.verdict), exit \(tenant.exitCode)): \(MarkdownText.escape(tenant.error ?? "not scanned", clip: false))."
                + reports)
        }
        return lines.joined(separator: "\n")
    }
}
