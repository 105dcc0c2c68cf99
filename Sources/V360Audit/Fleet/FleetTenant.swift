import AuditRules
import Foundation

/// What the fleet keeps of one tenant once its own reports are written: its line in the fleet
/// reports, its worst findings and its fleet JUnit suites; never its snapshot or full result, so a
/// fleet's memory is bounded by `--parallel`, not by the number of tenants.
struct FleetTenant: Sendable {
    /// The gate's decision, as the tenant's JSON report states it.
    struct Gate: Sendable, Hashable, Encodable {
        var failOn: String
        var failOnNew: Bool
        var passed: Bool
        /// Open findings that failed the gate.
        var failing: Int
    }

    /// Counts, as the tenant's JSON report states them.
    struct Summary: Sendable, Hashable, Encodable {
        /// Open findings per severity (every severity present, zero included).
        var bySeverity: [String: Int]
        var open: Int
        var waived: Int
        var resolved: Int
    }

    /// What changed since the tenant's baseline.
    struct Drift: Sendable, Hashable, Encodable {
        /// Open findings new since the baseline.
        var new: Int
        /// Findings of the baseline that no longer occur.
        var resolved: Int
        /// Changes in the PSA; nil when the baseline was a report (which cannot say).
        var changes: Int?

        private enum Keys: String, CodingKey { case new, resolved, changes }

        /// Encodes `changes` as `null` when unknown (not left out).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(new, forKey: .new)
            try c.encode(resolved, forKey: .resolved)
            try c.encode(changes, forKey: .changes)
        }
    }

    /// The tenant's name.
    var name: String
    /// Its site as the tenants file gives it.
    var site: String
    /// Its exit code: 0, 1, 2 or 64.
    var exitCode: Int32
    /// True when every PSA read a rule needed succeeded.
    var complete: Bool
    /// The gate; nil when the tenant was not evaluated (exit 64, or a read that could not start).
    var gate: Gate?
    /// The counts; nil when not evaluated.
    var summary: Summary?
    /// Drift since the baseline; nil without one.
    var drift: Drift?
    /// The tenant's reports, relative to the output folder (`acme/v360audit.json`, …), in reporter order.
    var reports: [String]
    /// Why the tenant is not a complete scan (or the snapshot save that failed); nil when it is one.
    var error: String?
    /// When its snapshot was read; nil when there is none.
    var capturedAt: Date?
    /// Its worst open findings, worst first (at most ``topFindingsKept``).
    var findings: [FleetFinding]
    /// Its suites for the fleet JUnit report.
    var suites: [FleetJUnitSuite]

    /// Findings each tenant keeps for the fleet reports' "worst findings" list.
    static let topFindingsKept = 10

    /// `PASSED`, `FAILED`, `INCOMPLETE` or `INVALID INPUT`, from the exit code.
    var verdict: String { Self.verdict(exitCode) }

    /// The verdict an exit code stands for.
    static func verdict(_ exitCode: Int32) -> String {
        switch exitCode {
        case ExitStatus.passed: "PASSED"
        case ExitStatus.gateFailed: "FAILED"
        case ExitStatus.incomplete: "INCOMPLETE"
        default: "INVALID INPUT"
        }
    }

    /// The JSON report's path, when one was written.
    var jsonReport: String? { reports.first { $0.hasSuffix(JSONReporter.fileName) } }

    /// Open findings of `severity`.
    func open(_ severity: Severity) -> Int { summary?.bySeverity[severity.rawValue] ?? 0 }

    /// How bad an exit code is: 64 and 2 (no verdict to trust) before 1 before 0.
    static func badness(_ code: Int32) -> Int {
        switch code {
        case ExitStatus.passed: 0
        case ExitStatus.gateFailed: 1
        case ExitStatus.incomplete: 2
        default: 3
        }
    }

    /// Worst first: by exit code, then by open findings from critical down, then by name.
    static func worstFirst(_ lhs: FleetTenant, _ rhs: FleetTenant) -> Bool {
        let (l, r) = (badness(lhs.exitCode), badness(rhs.exitCode))
        if l != r { return l > r }
        for severity in Severity.allCases.reversed() where lhs.open(severity) != rhs.open(severity) {
            return lhs.open(severity) > rhs.open(severity)
        }
        return lhs.name < rhs.name
    }
}
