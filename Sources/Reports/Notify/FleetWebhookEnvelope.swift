import AuditRules

/// A fleet run's generic webhook payload: the versioned envelope of one scan
/// (``WebhookEnvelope``), with `kind: "fleet"` and the fleet's content (docs/design.md, "Notifications"):
/// `{schemaVersion: 1, source: "v360audit", kind: "fleet", generatedAt, exitCode, verdict,
/// fleet: {tenants, complete, failed, bySeverity, newFindings, changes}, tenants: [{name, site,
/// exitCode, verdict, complete, gate, summary, drift, report, error}], top: [finding with tenant],
/// reportUrl}`.
///
/// Every tenant is listed (a receiver opening a ticket per failing PSA needs all of them; the chat
/// channels are the ones with size limits), in the fleet JSON report's shape and order (worst
/// first), with `null` for what a tenant does not have. `generatedAt` is the latest capture among
/// the tenants, so a replay of the same snapshots posts the same bytes.
package enum FleetWebhookEnvelope {
    /// The JSON body to post.
    package static func payload(_ digest: FleetDigest) -> [UInt8] {
        let fleet: NotifyJSON = .object([
            ("tenants", .int(digest.tenants.count)),
            ("complete", .int(digest.complete)),
            ("failed", .int(digest.failed)),
            ("bySeverity", .object(digest.bySeverity.map { (key: $0.severity.rawValue, value: NotifyJSON.int($0.count)) })),
            ("newFindings", digest.hasBaseline ? .int(digest.newFindings) : .null),
            ("changes", digest.hasBaseline ? .int(digest.changes) : .null),
        ])
        return NotifyJSON.object([
            ("schemaVersion", .int(WebhookEnvelope.schemaVersion)),
            ("source", .string("v360audit")),
            ("kind", .string("fleet")),
            ("generatedAt", .string(digest.generatedAtText)),
            ("exitCode", .int(Int(digest.exitCode))),
            ("verdict", .string(verdict(digest.exitCode))),
            ("fleet", fleet),
            ("tenants", .array(digest.tenants.map(tenant))),
            ("top", .array(digest.top.map(NotifyJSON.init))),
            ("reportUrl", .optional(digest.reportURL)),
        ]).bytes
    }

    /// `passed`, `failed`, `incomplete` (exit 2) or `invalid` (exit 64): one word a receiver can switch on.
    static func verdict(_ exitCode: Int32) -> String {
        switch exitCode {
        case 0: "passed"
        case 1: "failed"
        case 2: "incomplete"
        default: "invalid"
        }
    }

    private static func tenant(_ tenant: FleetTenant) -> NotifyJSON {
        let gate: NotifyJSON = tenant.gate.map { gate in
            .object([("failOn", .string(gate.failOn)), ("failOnNew", .bool(gate.failOnNew)), ("passed", .bool(gate.passed)),
                     ("failing", .int(gate.failing))])
        } ?? .null
        let summary: NotifyJSON = tenant.summary.map { summary in
            // The severities in a fixed order (the summary keeps a dictionary), so the bytes are stable.
            .object([("bySeverity", .object(Severity.allCases.reversed().map { (key: $0.rawValue, value: .int(tenant.open($0))) })),
                     ("open", .int(summary.open)), ("waived", .int(summary.waived)), ("resolved", .int(summary.resolved))])
        } ?? .null
        let drift: NotifyJSON = tenant.drift.map { drift in
            .object([("new", .int(drift.new)), ("resolved", .int(drift.resolved)),
                     ("changes", drift.changes.map { NotifyJSON.int($0) } ?? .null)])
        } ?? .null
        return .object([
            ("name", .string(tenant.name)),
            ("site", .string(tenant.site)),
            ("exitCode", .int(Int(tenant.exitCode))),
            ("verdict", .string(verdict(tenant.exitCode))),
            ("complete", .bool(tenant.complete)),
            ("gate", gate),
            ("summary", summary),
            ("drift", drift),
            ("report", .optional(tenant.jsonReport)),
            ("error", .optional(tenant.error)),
        ])
    }
}
