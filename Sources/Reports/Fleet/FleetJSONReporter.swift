import Foundation
import V360Core

/// The fleet JSON report (`v360audit-fleet.json`):
/// `{tool, fleet: {tenants, complete, failed, exitCode}, tenants: [{name, site, exitCode, complete,
/// gate, summary, drift, report, error}], findings: [top findings with tenant]}`. Sorted keys,
/// pretty-printed, `null` for what a tenant does not have, so it diffs cleanly.
package struct FleetJSONReporter: FleetReporter {
    /// Creates the reporter.
    package init() {}

    package static let fileName = "v360audit-fleet.json"

    package func render(_ summary: FleetSummary) -> String {
        // The project's one encoder set-up. Every value is a string, number, bool or null:
        // encoding cannot fail.
        ((try? JSONOutput.text(Document(summary))) ?? "") + "\n"
    }

    /// The document's shape.
    private struct Document: Encodable {
        struct Tool: Encodable { var name: String, version: String }
        struct Fleet: Encodable { var tenants: Int, complete: Int, failed: Int, exitCode: Int32 }
        var format = "v360audit-fleet/1"
        var tool: Tool
        var fleet: Fleet
        var tenants: [Tenant]
        var findings: [FleetFinding]

        init(_ summary: FleetSummary) {
            tool = Tool(name: ToolInfo.name, version: summary.toolVersion)
            fleet = Fleet(tenants: summary.tenants.count, complete: summary.completeCount,
                          failed: summary.failed.count, exitCode: summary.exitCode)
            tenants = summary.tenants.map(Tenant.init)
            findings = summary.findings
        }
    }

    /// One tenant's entry; absent values are written as `null`, not left out.
    private struct Tenant: Encodable {
        var tenant: FleetTenant
        enum Keys: String, CodingKey { case name, site, exitCode, complete, gate, summary, drift, report, error }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(tenant.name, forKey: .name)
            try c.encode(tenant.site, forKey: .site)
            try c.encode(tenant.exitCode, forKey: .exitCode)
            try c.encode(tenant.complete, forKey: .complete)
            try c.encode(tenant.gate, forKey: .gate)
            try c.encode(tenant.summary, forKey: .summary)
            try c.encode(tenant.drift, forKey: .drift)
            try c.encode(tenant.jsonReport, forKey: .report)
            try c.encode(tenant.error, forKey: .error)
        }
    }
}
