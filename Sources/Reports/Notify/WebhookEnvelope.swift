import AuditRules

/// The generic webhook payload: a versioned JSON envelope for automation platforms and ticketing
/// bridges (docs/design.md, "Notifications"):
/// `{schemaVersion: 1, source: "v360audit", kind: "scan", generatedAt, site, gate, summary, drift, top, reportUrl}`
/// (`kind` tells it from a fleet run's ``FleetWebhookEnvelope``).
///
/// `generatedAt` is the snapshot's `capturedAt`, not the time of sending: the body is a pure
/// function of the report context, so a replay of the same snapshot posts the same bytes (the
/// time of sending travels in the `webhook-timestamp` header of a signed request).
/// Findings and changes are the JSON report's values, so a receiver can match fingerprints.
package enum WebhookEnvelope {
    /// The envelope's version; a field is only ever added within a version.
    package static let schemaVersion = 1
    /// At most this many new findings and changes are listed (the counts are always complete).
    package static let listLimit = 50

    /// The JSON body to post.
    package static func payload(_ digest: NotificationDigest) -> [UInt8] {
        let gate: NotifyJSON = .object([
            ("verdict", .string(digest.verdict.rawValue)),
            ("passed", .bool(digest.verdict == .passed)),
            ("complete", .bool(digest.verdict != .incomplete)),
            ("failOn", .string(digest.failOn)),
            ("failOnNew", .bool(digest.failOnNew)),
            ("failing", .int(digest.failing)),
        ])
        let summary: NotifyJSON = .object([
            ("bySeverity", .object(digest.bySeverity.map { (key: $0.severity.rawValue, value: NotifyJSON.int($0.count)) })),
            ("open", .int(digest.open)),
            ("waived", .int(digest.waived)),
            ("resolved", .int(digest.resolved)),
        ])
        var drift = NotifyJSON.null
        if digest.hasBaseline {
            drift = .object([
                ("newFindings", .int(digest.newFindings.count)),
                ("resolvedFindings", .int(digest.resolved)),
                ("changeCount", digest.changes.map { NotifyJSON.int($0.count) } ?? .null),
                ("new", .array(digest.newFindings.prefix(listLimit).map(NotifyJSON.init))),
                ("changes", digest.changes.map { NotifyJSON.array($0.prefix(listLimit).map { NotifyJSON($0.object) }) } ?? .null),
                ("truncated", .bool(digest.newFindings.count > listLimit || (digest.changes?.count ?? 0) > listLimit)),
            ])
        }
        return NotifyJSON.object([
            ("schemaVersion", .int(schemaVersion)),
            ("source", .string("v360audit")),
            ("kind", .string("scan")),
            ("generatedAt", .string(digest.capturedAtText)),
            ("site", .string(digest.site)),
            ("gate", gate),
            ("summary", summary),
            ("drift", drift),
            ("top", .array(digest.top.map(NotifyJSON.init))),
            ("reportUrl", .optional(digest.reportURL)),
        ]).bytes
    }
}
