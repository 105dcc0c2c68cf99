import AuditRules

extension NotifyJSON {
    /// A finding as the JSON report writes it, without evidence (the report has it): the webhook
    /// envelope's `top` and `drift.new` entries, so a receiver can match fingerprints.
    package init(_ finding: Finding) {
        self = Self.finding(tenant: nil, ruleId: finding.ruleId, severity: finding.severity, status: finding.status.rawValue,
                            drift: finding.drift, resource: finding.resource, message: finding.message,
                            fingerprint: finding.fingerprint)
    }

    /// A fleet's finding: the same fields led by its tenant's name (fleet findings are all open).
    package init(_ finding: FleetFinding) {
        self = Self.finding(tenant: finding.tenant, ruleId: finding.ruleId, severity: finding.severity,
                            status: Finding.Status.open.rawValue, drift: finding.drift, resource: finding.resource,
                            message: finding.message, fingerprint: finding.fingerprint)
    }

    /// One field order for both envelopes, so a receiver reads a fleet's findings with the code it
    /// has for one scan's.
    private static func finding(tenant: String?, ruleId: String, severity: Severity, status: String, drift: Finding.Drift?,
                                resource: ResourceRef, message: String, fingerprint: String) -> NotifyJSON {
        var resourceFields: [(key: String, value: NotifyJSON)] = [
            ("kind", .string(resource.kind.rawValue)),
            ("id", resource.id.map { NotifyJSON.int($0) } ?? .null),
            ("identifier", .string(resource.identifier)),
            ("name", .optional(resource.name)),
        ]
        if let key = resource.key { resourceFields.append(("key", .string(key))) }
        let fields: [(key: String, value: NotifyJSON)] = [
            ("ruleId", .string(ruleId)),
            ("severity", .string(severity.rawValue)),
            ("status", .string(status)),
            ("drift", .optional(drift?.rawValue)),
            ("resource", .object(resourceFields)),
            ("message", .string(message)),
            ("fingerprint", .string(fingerprint)),
        ]
        return .object((tenant.map { [("tenant", NotifyJSON.string($0))] } ?? []) + fields)
    }
}
