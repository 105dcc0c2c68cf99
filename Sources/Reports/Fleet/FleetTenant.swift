import AuditRules
import Foundation

/// What the fleet keeps of one tenant once its own reports are written: its line in the fleet
/// reports, its worst findings and its fleet JUnit suites; never its snapshot or full result, so a
/// fleet's memory is bounded by `--parallel`, not by the number of tenants.
package struct FleetTenant: Sendable {
    /// The gate's decision, as the tenant's JSON report states it.
    package struct Gate: Sendable, Hashable, Encodable {
        package var failOn: String
        package var failOnNew: Bool
        package var passed: Bool
        /// Open findings that failed the gate.
        package var failing: Int

        /// Creates a gate line.
        package init(failOn: String, failOnNew: Bool, passed: Bool, failing: Int) {
            self.failOn = failOn
            self.failOnNew = failOnNew
            self.passed = passed
            self.failing = failing
        }
    }

    /// Counts, as the tenant's JSON report states them.
    package struct Summary: Sendable, Hashable, Encodable {
        /// Open findings per severity (every severity present, zero included).
        package var bySeverity: [String: Int]
        package var open: Int
        package var waived: Int
        package var resolved: Int

        /// Creates the counts.
        package init(bySeverity: [String: Int], open: Int, waived: Int, resolved: Int) {
            self.bySeverity = bySeverity
            self.open = open
            self.waived = waived
            self.resolved = resolved
        }
    }

    /// What changed since the tenant's baseline.
    package struct Drift: Sendable, Hashable, Encodable {
        /// Open findings new since the baseline.
        package var new: Int
        /// Findings of the baseline that no longer occur.
        package var resolved: Int
        /// Changes in the PSA; nil when the baseline was a report (which cannot say).
        package var changes: Int?

        /// Creates the drift counts.
        package init(new: Int, resolved: Int, changes: Int?) {
            self.new = new
            self.resolved = resolved
            self.changes = changes
        }

        private enum Keys: String, CodingKey { case new, resolved, changes }

        /// Encodes `changes` as `null` when unknown (not left out).
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(new, forKey: .new)
            try c.encode(resolved, forKey: .resolved)
            try c.encode(changes, forKey: .changes)
        }
    }

    /// The tenant's name.
    package var name: String
    /// Its site as the tenants file gives it.
    package var site: String
    /// Its exit code: 0, 1, 2 or 64.
    package var exitCode: Int32
    /// True when every PSA read a rule needed succeeded.
    package var complete: Bool
    /// The gate; nil when the tenant was not evaluated (exit 64, or a read that could not start).
    package var gate: Gate?
    /// The counts; nil when not evaluated.
    package var summary: Summary?
    /// Drift since the baseline; nil without one.
    package var drift: Drift?
    /// The tenant's reports, relative to the output folder (`acme/v360audit.json`, …), in reporter order.
    package var reports: [String]
    /// Why the tenant is not a complete scan (or the snapshot save that failed); nil when it is one.
    package var error: String?
    /// When its snapshot was read; nil when there is none.
    package var capturedAt: Date?
    /// Its worst open findings, worst first (at most ``topFindingsKept``).
    package var findings: [FleetFinding]
    /// Its suites for the fleet JUnit report.
    package var suites: [FleetJUnitSuite]

    /// Creates a tenant's line from its parts.
    package init(name: String, site: String, exitCode: Int32, complete: Bool, gate: Gate?, summary: Summary?, drift: Drift?,
                 reports: [String], error: String?, capturedAt: Date?, findings: [FleetFinding], suites: [FleetJUnitSuite]) {
        self.name = name
        self.site = site
        self.exitCode = exitCode
        self.complete = complete
        self.gate = gate
        self.summary = summary
        self.drift = drift
        self.reports = reports
        self.error = error
        self.capturedAt = capturedAt
        self.findings = findings
        self.suites = suites
    }

    /// Findings each tenant keeps for the fleet reports' "worst findings" list.
    package static let topFindingsKept = 10

    /// `PASSED`, `FAILED`, `INCOMPLETE` or `INVALID INPUT`, from the exit code.
    package var verdict: String { Self.verdict(exitCode) }

    /// The verdict an exit code stands for.
    package static func verdict(_ exitCode: Int32) -> String {
        switch exitCode {
        case 0: "PASSED"
        case 1: "FAILED"
        case 2: "INCOMPLETE"
        default: "INVALID INPUT"
        }
    }

    /// The JSON report's path, when one was written.
    package var jsonReport: String? { reports.first { $0.hasSuffix(JSONReporter.fileName) } }

    /// Open findings of `severity`.
    package func open(_ severity: Severity) -> Int { summary?.bySeverity[severity.rawValue] ?? 0 }

    /// The worst of several tenants' exit codes (0 when there are none): the fleet's code.
    package static func worst(_ codes: [Int32]) -> Int32 {
        codes.max { badness($0) < badness($1) } ?? 0
    }

    /// How bad an exit code is: 64 and 2 (no verdict to trust) before 1 before 0.
    package static func badness(_ code: Int32) -> Int {
        switch code {
        case 0: 0
        case 1: 1
        case 2: 2
        default: 3
        }
    }

    /// Worst first: by exit code, then by open findings from critical down, then by name.
    package static func worstFirst(_ lhs: FleetTenant, _ rhs: FleetTenant) -> Bool {
        let (l, r) = (badness(lhs.exitCode), badness(rhs.exitCode))
        if l != r { return l > r }
        for severity in Severity.allCases.reversed() where lhs.open(severity) != rhs.open(severity) {
            return lhs.open(severity) > rhs.open(severity)
        }
        return lhs.name < rhs.name
    }
}
