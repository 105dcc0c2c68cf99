import AuditRules
import Foundation
import Reports

extension FleetTenant {
    /// Reduces a finished tenant scan to what the fleet keeps.
    /// - Parameters:
    ///   - entry: The tenant.
    ///   - outcome: Its scan, reports written.
    init(_ entry: TenantEntry, outcome: TenantScan.Outcome) {
        let context = outcome.context
        let result = context.result
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        var open: [Finding] = []
        for finding in result.findings where finding.status == .open {
            bySeverity[finding.severity.rawValue, default: 0] += 1
            open.append(finding)
        }
        let worst = open.map { FleetFinding(tenant: entry.name, $0) }.sorted(by: FleetFinding.worstFirst)
        let newCount = result.findings.reduce(0) { $0 + ($1.drift == .new ? 1 : 0) }
        self.init(
            name: entry.name, site: entry.site, exitCode: outcome.exitCode, complete: context.complete,
            gate: Gate(failOn: context.gate.failOn.rawValue, failOnNew: context.gate.failOnNew,
                       passed: context.gate.passed, failing: context.gate.failing.count),
            summary: Summary(bySeverity: bySeverity, open: open.count, waived: result.findings.count - open.count,
                             resolved: result.resolved.count),
            drift: result.hasBaseline ? Drift(new: newCount, resolved: result.resolved.count, changes: result.changes?.count) : nil,
            reports: outcome.written.map { entry.name + "/" + ($0 as NSString).lastPathComponent },
            error: outcome.unsaved.map(\.description) ?? Self.incompleteReason(result),
            capturedAt: context.scan.capturedAt,
            findings: Array(worst.prefix(Self.topFindingsKept)),
            suites: FleetJUnitSuites.suites(tenant: entry.name, context: context))
    }

    /// A tenant that did not get as far as its reports: invalid inputs or credentials (64), or a
    /// read that could not start (2). Its JUnit suite is one error saying why.
    init(_ entry: TenantEntry, failure: V360AuditError) {
        self.init(name: entry.name, site: entry.site, exitCode: failure.exitCode, complete: false, gate: nil,
                  summary: nil, drift: nil, reports: [], error: failure.description, capturedAt: nil, findings: [],
                  suites: [FleetJUnitSuites.failure(tenant: entry.name, site: entry.site, exitCode: failure.exitCode,
                                                    message: failure.description)])
    }

    /// The first area that could not be read, in the coverage's words; nil for a complete result.
    private static func incompleteReason(_ result: AuditResult) -> String? {
        guard !result.complete else { return nil }
        let missing = result.coverage.filter { $0.status == .missing }
        guard let first = missing.first else { return "some PSA data could not be read" }
        return "\(first.area): \(first.detail)" + (missing.count > 1 ? " (and \(missing.count - 1) more)" : "")
    }
}
