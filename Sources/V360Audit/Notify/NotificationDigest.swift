import AuditRules
import Foundation
import Reports

/// What every notification says, taken from a report context: the verdict, the counts, what is new
/// since the baseline, the most serious findings, and where the reports are.
///
/// A pure function of the context (and the report paths written), so the payloads built from it
/// are deterministic: the only timestamp is the snapshot's `capturedAt`.
struct NotificationDigest: Sendable {
    /// The run's outcome, in the exit code's order of precedence.
    enum Verdict: String, Sendable {
        case passed, failed, incomplete
    }

    /// Passed, failed or incomplete.
    var verdict: Verdict
    /// One sentence: the verdict and why, e.g. `FAILED: 3 open finding(s) at or above --fail-on high.`
    var headline: String
    /// The PSA API host (tenant data: escaped by each payload).
    var site: String
    /// `live`, `snapshot` or `demo`.
    var source: String
    /// When the snapshot was read.
    var capturedAt: Date
    /// The `--fail-on` threshold, `--fail-on-new`, and how many open findings failed the gate.
    var failOn: String, failOnNew: Bool, failing: Int
    /// Open findings per severity, most serious first, zero counts included.
    var bySeverity: [(severity: Severity, count: Int)]
    /// Open, waived and resolved (since the baseline) finding counts.
    var open: Int, waived: Int, resolved: Int
    /// True when a baseline was applied.
    var hasBaseline: Bool
    /// Open findings new since the baseline, most serious first (empty without a baseline).
    var newFindings: [Finding]
    /// Changes in the PSA since a snapshot baseline; nil without one.
    var changes: [SnapshotChange]?
    /// The most serious open findings (at most ``topCount``), new ones first within a severity.
    var top: [Finding]
    /// `--report-url`, when given.
    var reportURL: String?
    /// The report files written (shown when there is no URL).
    var reportFiles: [String]

    /// How many findings the "top" list holds.
    static let topCount = 10

    /// Builds the digest.
    init(_ context: ReportContext, reportFiles: [String]) {
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
    var capturedAtText: String { capturedAt.formatted(.iso8601) }

    /// The report URL when it is an http(s) URL a button can open; nil otherwise.
    var openableReportURL: String? {
        guard let reportURL, let scheme = URLComponents(string: reportURL)?.scheme?.lowercased(),
              scheme == "https" || scheme == "http" else { return nil }
        return reportURL
    }

    /// `3 critical, 1 high` (non-zero counts, most serious first), or `none`.
    var countsText: String {
        let parts = bySeverity.filter { $0.count > 0 }.map { "\($0.count) \($0.severity.rawValue)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// One line for a finding: `HIGH api-member-admin-role: <message>`, clipped.
    static func line(_ finding: Finding, markNew: Bool = false) -> String {
        clip("\(finding.severity.rawValue.uppercased()) \(finding.ruleId): \(finding.message)"
             + (markNew && finding.drift == .new ? " (new)" : ""))
    }

    /// Text cut to `limit` characters with an ellipsis: one hostile tenant name must not crowd out
    /// the rest of a message that has a size budget.
    static func clip(_ text: String, limit: Int = 300) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
