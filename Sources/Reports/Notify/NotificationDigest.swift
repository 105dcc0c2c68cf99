import AuditRules
import Foundation

/// What every notification says, taken from a report context: the verdict, the counts, what is new
/// since the baseline, the most serious findings, and where the reports are.
///
/// A pure function of the context (and the report paths written), so the payloads built from it
/// are deterministic: the only timestamp is the snapshot's `capturedAt`.
package struct NotificationDigest: Sendable {
    /// The run's outcome, in the exit code's order of precedence.
    package enum Verdict: String, Sendable {
        case passed, failed, incomplete
    }

    /// Passed, failed or incomplete.
    package var verdict: Verdict
    /// One sentence: the verdict and why, e.g. `FAILED: 3 open finding(s) at or above --fail-on high.`
    package var headline: String
    /// The PSA API host (tenant data: escaped by each payload).
    package var site: String
    /// `live`, `snapshot` or `demo`.
    package var source: String
    /// When the snapshot was read.
    package var capturedAt: Date
    /// The `--fail-on` threshold, `--fail-on-new`, and how many open findings failed the gate.
    package var failOn: String, failOnNew: Bool, failing: Int
    /// Open findings per severity, most serious first, zero counts included.
    package var bySeverity: [(severity: Severity, count: Int)]
    /// Open, waived and resolved (since the baseline) finding counts.
    package var open: Int, waived: Int, resolved: Int
    /// True when a baseline was applied.
    package var hasBaseline: Bool
    /// Open findings new since the baseline, most serious first (empty without a baseline).
    package var newFindings: [Finding]
    /// Changes in the PSA since a snapshot baseline; nil without one.
    package var changes: [SnapshotChange]?
    /// The most serious open findings (at most ``topCount``), new ones first within a severity.
    package var top: [Finding]
    /// `--report-url`, when given.
    package var reportURL: String?
    /// The report files written (shown when there is no URL).
    package var reportFiles: [String]

    /// How many findings the "top" list holds.
    package static let topCount = 10

    /// Builds the digest.
    package init(_ context: ReportContext, reportFiles: [String]) {
        let result = context.result
        let open = result.findings.filter { $0.status == .open }
        // Stable: equal keys keep the report's order (rule id, then resource).
        let ranked = open.enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            let (l, r) = (lhs.element.drift == .new, rhs.element.drift == .new)
            return l != r ? l : lhs.offset < rhs.offset
        }.map(\.element)
        let gate = context.gate
        if !context.complete {
            verdict = .incomplete
            headline = "INCOMPLETE: some PSA data could not be read, so this is not a pass."
        } else if gate.passed {
            verdict = .passed
            headline = "PASSED: no open finding at or above --fail-on \(gate.failOn.rawValue)."
        } else {
            verdict = .failed
            headline = "FAILED: \(gate.failing.count) open finding(s) at or above --fail-on \(gate.failOn.rawValue)"
                + (gate.failOnNew ? " that are new since the baseline." : ".")
        }
        site = context.scan.site
        source = context.scan.source.rawValue
        capturedAt = context.scan.capturedAt
        failOn = gate.failOn.rawValue
        failOnNew = gate.failOnNew
        failing = gate.failing.count
        bySeverity = Severity.allCases.reversed().map { severity in (severity, open.filter { $0.severity == severity }.count) }
        self.open = open.count
        waived = result.findings.count - open.count
        resolved = result.resolved.count
        hasBaseline = result.hasBaseline
        newFindings = result.hasBaseline ? ranked.filter { $0.drift == .new } : []
        changes = result.changes
        top = Array(ranked.prefix(Self.topCount))
        reportURL = context.reportURL.flatMap { $0.isEmpty ? nil : $0 }
        self.reportFiles = reportFiles
    }

    /// The capture time as `YYYY-MM-DDThh:mm:ssZ`.
    package var capturedAtText: String { capturedAt.formatted(.iso8601) }

    /// `url` when it is an http(s) URL a button or a link can open; nil otherwise (a path, or a
    /// scheme such as `javascript:` that no notification should offer to open).
    package static func openable(_ url: String?) -> String? {
        guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
              scheme == "https" || scheme == "http" else { return nil }
        return url
    }

    /// `3 critical, 1 high` (non-zero counts, most serious first), or `none`.
    package var countsText: String { Self.countsText(bySeverity) }

    /// `3 critical, 1 high` from counts per severity (zero counts left out), or `none`.
    package static func countsText(_ bySeverity: [(severity: Severity, count: Int)]) -> String {
        let parts = bySeverity.filter { $0.count > 0 }.map { "\($0.count) \($0.severity.rawValue)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// One line for a finding: `HIGH api-member-admin-role: <message>`, clipped.
    package static func line(_ finding: Finding, markNew: Bool = false) -> String {
        clip("\(finding.severity.rawValue.uppercased()) \(finding.ruleId): \(finding.message)"
             + (markNew && finding.drift == .new ? " (new)" : ""))
    }

    /// Text cut to `limit` characters with an ellipsis: one hostile tenant name must not crowd out
    /// the rest of a message that has a size budget.
    package static func clip(_ text: String, limit: Int = 300) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
