import AuditRules
import Foundation

/// What a fleet run's one notification says (docs/design.md, "Notifications" and "Many PSAs in one
/// run"): the fleet's verdict, how many tenants were complete, one line per tenant worst first, the
/// worst findings across tenants, and where the fleet report is.
///
/// A pure function of the fleet summary and the fleet reports written, like the fleet reports
/// themselves; the only time in it is the latest capture among the tenants (or, when no tenant
/// could be read at all, the time the caller passes).
package struct FleetDigest: Sendable {
    /// The run's exit code: the worst tenant's.
    package var exitCode: Int32
    /// `PASSED`, `FAILED`, `INCOMPLETE` or `INVALID INPUT`.
    package var verdict: String
    /// The verdict in a sentence with the exit code, e.g. `FAILED: at least one tenant failed its gate (exit 1).`
    package var headline: String
    /// Every tenant, worst first (tenant data: escaped by each payload).
    package var tenants: [FleetTenant]
    /// Tenants whose scan was complete.
    package var complete: Int
    /// Tenants per outcome in words, e.g. `["2 passed", "1 incomplete"]`.
    package var outcomeCounts: [String]
    /// Open findings per severity across the fleet, most serious first, zero counts included.
    package var bySeverity: [(severity: Severity, count: Int)]
    /// True when at least one tenant was compared with a baseline.
    package var hasBaseline: Bool
    /// New open findings since their baselines, summed over the tenants that have one.
    package var newFindings: Int
    /// Changes in the PSAs since their baselines, summed over the tenants that can say.
    package var changes: Int
    /// The worst open findings across the fleet (at most ``topCount``).
    package var top: [FleetFinding]
    /// The latest capture among the tenants, else the time given.
    package var generatedAt: Date
    /// `--report-url`, when given.
    package var reportURL: String?
    /// The fleet report to point at: `v360audit-fleet.html` when it was written, else every fleet report written.
    package var reportFiles: [String]

    /// Worst findings listed across tenants (then "and N more").
    package static let topCount = 10
    /// Tenant lines listed at most (then "and N more tenants"); fewer when the size limits say so.
    package static let tenantRows = 25

    /// Builds the digest.
    /// - Parameters:
    ///   - summary: The fleet summary the fleet reports were written from.
    ///   - reportURL: `--report-url` (empty is none).
    ///   - reportFiles: The fleet reports written.
    ///   - now: The time to state when no tenant has a capture time.
    package init(_ summary: FleetSummary, reportURL: String?, reportFiles: [String], now: Date) {
        exitCode = summary.exitCode
        verdict = FleetTenant.verdict(summary.exitCode)
        headline = summary.verdictSentence + " (exit \(summary.exitCode))."
        tenants = summary.tenants
        complete = summary.completeCount
        outcomeCounts = summary.outcomeCounts
        bySeverity = Severity.allCases.reversed().map { ($0, summary.open($0)) }
        let drifts = summary.tenants.compactMap(\.drift)
        hasBaseline = !drifts.isEmpty
        newFindings = drifts.reduce(0) { $0 + $1.new }
        changes = drifts.reduce(0) { $0 + ($1.changes ?? 0) }
        top = Array(summary.findings.prefix(Self.topCount))
        generatedAt = summary.latestCapture ?? now
        self.reportURL = reportURL.flatMap { $0.isEmpty ? nil : $0 }
        let html = reportFiles.filter { $0.hasSuffix(FleetHTMLReporter.fileName) }
        self.reportFiles = html.isEmpty ? reportFiles : html
    }

    /// Tenants that are not complete (read failures and invalid inputs).
    package var failed: Int { tenants.count - complete }

    /// `generatedAt` as `YYYY-MM-DDThh:mm:ssZ`.
    package var generatedAtText: String { generatedAt.formatted(.iso8601) }

    /// `3 critical, 1 high` across the fleet, or `none`.
    package var countsText: String { NotificationDigest.countsText(bySeverity) }

    /// `4 tenant(s): 2 complete, 2 not complete (1 passed, 1 failed the gate, 2 incomplete)`.
    package var tenantsText: String {
        "\(tenants.count) tenant(s): \(complete) complete, \(failed) not complete (" + outcomeCounts.joined(separator: ", ") + ")"
    }

    /// The fleet's outcome as the channels colour it.
    package var state: NotificationDigest.Verdict { Self.state(exitCode) }

    /// An exit code as the channels colour it: passed, failed, or no verdict to trust (2 and 64).
    package static func state(_ exitCode: Int32) -> NotificationDigest.Verdict {
        switch exitCode {
        case 0: .passed
        case 1: .failed
        default: .incomplete
        }
    }

    /// A tenant's line after its name, site and verdict: open findings, drift, complete or why not,
    /// e.g. `open: 1 critical, 3 high · since its baseline: 2 new, 0 resolved, 1 change(s) · complete`.
    package static func details(_ tenant: FleetTenant) -> String {
        var parts: [String] = []
        if tenant.summary != nil {
            parts.append("open: " + NotificationDigest.countsText(Severity.allCases.reversed().map { ($0, tenant.open($0)) }))
        }
        if let drift = tenant.drift {
            parts.append("since its baseline: \(drift.new) new, \(drift.resolved) resolved"
                         + (drift.changes.map { ", \($0) change(s) in the PSA" } ?? ""))
        } else if tenant.summary != nil {
            parts.append("no baseline")
        }
        parts.append(tenant.complete ? "complete"
                     : "not complete: " + NotificationDigest.clip(tenant.error ?? "not scanned", limit: 160))
        return parts.joined(separator: " · ")
    }

    /// A tenant's name and site as shown: `acme (psa.acme.example)`, each clipped.
    package static func label(_ tenant: FleetTenant) -> String {
        NotificationDigest.clip(tenant.name, limit: 80) + " (" + NotificationDigest.clip(tenant.site, limit: 100) + ")"
    }

    /// `INCOMPLETE (exit 2)`.
    package static func verdictText(_ tenant: FleetTenant) -> String { "\(tenant.verdict) (exit \(tenant.exitCode))" }

    /// A tenant's whole line: `acme (psa.acme.example): FAILED (exit 1) · open: … · complete`.
    package static func line(_ tenant: FleetTenant) -> String {
        label(tenant) + ": " + verdictText(tenant) + " · " + details(tenant)
    }

    /// A finding's line after its severity: `acme: api-member-admin-role on member AdminSync (…) (new)`, clipped.
    package static func findingText(_ finding: FleetFinding) -> String {
        NotificationDigest.clip(NotificationDigest.clip(finding.tenant, limit: 80) + ": \(finding.ruleId) on "
                                + EvidenceText.resource(finding.resource) + (finding.drift == .new ? " (new)" : ""))
    }

    /// A finding's whole line: `CRITICAL acme: api-member-admin-role on member AdminSync (…)`.
    package static func line(_ finding: FleetFinding) -> String {
        finding.severity.rawValue.uppercased() + " " + findingText(finding)
    }
}
