import AuditRules
import Foundation

/// The JSON report's structure: the machine contract documented in the README.
///
/// Field names are stable. Findings use `Finding`'s own `Codable`, so `Baseline` can read a
/// previous report back; optional fields (`drift`, `waiver`, resource `id`/`name`/`key`) are
/// omitted when absent.
struct JSONReport: Encodable {
    /// `{name, version}` of the tool.
    struct Tool: Encodable {
        var name: String
        var version: String
    }

    /// How the scan ran.
    struct Scan: Encodable {
        var source: String
        var site: String
        var capturedAt: Date
        var snapshotSha256: String
        var complete: Bool
    }

    /// The gate's decision.
    struct Gate: Encodable {
        var failOn: String
        var failOnNew: Bool
        var passed: Bool
        /// Number of open findings that failed the gate.
        var failing: Int
    }

    /// Counts.
    struct Summary: Encodable {
        /// Open findings per severity (every severity present, zero included).
        var bySeverity: [String: Int]
        var open: Int
        var waived: Int
        var resolved: Int
    }

    /// Marks the file as a report, so `--baseline` tells it from a snapshot.
    var format = Baseline.reportFormat
    var tool: Tool
    var scan: Scan
    var gate: Gate
    var summary: Summary
    var findings: [Finding]
    var resolved: [Finding]
    var coverage: [CoverageEntry]
    var inventory: [InventoryRow]
    var plan: [PlanEntry]
    /// What changed in the PSA since a snapshot baseline; null otherwise.
    var changes: [SnapshotChange]?

    /// Builds the report from a context.
    init(_ context: ReportContext) {
        let result = context.result
        tool = Tool(name: ToolInfo.name, version: context.toolVersion)
        scan = Scan(source: context.scan.source.rawValue, site: context.scan.site,
                    capturedAt: context.scan.capturedAt, snapshotSha256: context.scan.snapshotSha256,
                    complete: context.complete)
        gate = Gate(failOn: context.gate.failOn.rawValue, failOnNew: context.gate.failOnNew,
                    passed: context.gate.passed, failing: context.gate.failing.count)
        let open = result.findings.filter { $0.status == .open }
        var bySeverity: [String: Int] = [:]
        for severity in Severity.allCases {
            bySeverity[severity.rawValue] = open.filter { $0.severity == severity }.count
        }
        summary = Summary(bySeverity: bySeverity, open: open.count,
                          waived: result.findings.count - open.count, resolved: result.resolved.count)
        findings = result.findings
        resolved = result.resolved
        coverage = result.coverage
        inventory = result.inventory
        plan = result.plan
        changes = result.changes
    }
}
