import AuditRules
import Foundation

/// The fleet reports' input: every tenant's line, worst first, and the worst findings across them.
/// A pure value: the fleet reporters render it and nothing else.
package struct FleetSummary: Sendable {
    /// Every tenant, worst first (``FleetTenant/worstFirst(_:_:)``).
    package var tenants: [FleetTenant]
    /// The worst open findings across the tenants, worst first (at most ``topFindings``).
    package var findings: [FleetFinding]
    /// The tool version that wrote the reports.
    package var toolVersion: String = ToolInfo.version

    /// Findings the fleet reports list across tenants.
    package static let topFindings = 20

    /// Orders the tenants and picks the worst findings among those each kept.
    package init(tenants: [FleetTenant]) {
        self.tenants = tenants.sorted(by: FleetTenant.worstFirst)
        findings = Array(tenants.flatMap(\.findings).sorted(by: FleetFinding.worstFirst).prefix(Self.topFindings))
    }

    /// The run's exit code: the worst tenant's (64 or 2 before 1 before 0).
    package var exitCode: Int32 {
        FleetTenant.worst(tenants.map(\.exitCode))
    }

    /// Tenants whose scan was complete (exit 0 or 1).
    package var completeCount: Int { tenants.filter(\.complete).count }

    /// Tenants that could not be read completely or at all (exit 2 or 64).
    package var failed: [FleetTenant] { tenants.filter { !$0.complete } }

    /// Open findings of `severity` across the fleet.
    package func open(_ severity: Severity) -> Int { tenants.reduce(0) { $0 + $1.open(severity) } }

    /// The verdict in words, as the Markdown and HTML reports open with it.
    package var verdictSentence: String {
        switch exitCode {
        case 0: "PASSED: every tenant passed its gate"
        case 1: "FAILED: at least one tenant failed its gate"
        case 2: "INCOMPLETE: at least one tenant could not be read completely, so this is not a pass"
        default: "INVALID INPUT: at least one tenant's inputs or credentials are invalid, so it was not scanned"
        }
    }

    /// `2 passed, 1 failed the gate, …`: the tenants per outcome, those with none left out.
    package var outcomeCounts: [String] {
        let kinds: [(label: String, code: Int32)] = [("passed", 0), ("failed the gate", 1), ("incomplete", 2),
                                                     ("invalid input", 64)]
        var counts: [String] = []
        for kind in kinds {
            let n = tenants.filter { $0.exitCode == kind.code }.count
            if n > 0 { counts.append("\(n) \(kind.label)") }
        }
        return counts
    }

    /// The latest capture time among the tenants: the JUnit timestamp of suites without their own
    /// (never the clock, so the same inputs give the same bytes).
    package var latestCapture: Date? { tenants.compactMap(\.capturedAt).max() }
}
