import AuditRules

/// One open finding as the fleet reports list it: which tenant, which rule, what, how bad.
package struct FleetFinding: Sendable, Hashable, Encodable {
    /// The tenant's name.
    package var tenant: String
    /// The rule id.
    package var ruleId: String
    /// The rule's severity.
    package var severity: Severity
    /// What the finding is about.
    package var resource: ResourceRef
    /// The finding's sentence.
    package var message: String
    /// `new` or `unchanged` against the tenant's baseline; nil without one.
    package var drift: Finding.Drift?
    /// The finding's fingerprint (what a waiver pins).
    package var fingerprint: String

    /// The finding of `tenant`.
    package init(tenant: String, _ finding: Finding) {
        self.tenant = tenant
        ruleId = finding.ruleId
        severity = finding.severity
        resource = finding.resource
        message = finding.message
        drift = finding.drift
        fingerprint = finding.fingerprint
    }

    private enum Keys: String, CodingKey { case tenant, ruleId, severity, resource, message, drift, fingerprint }

    /// Encodes every field, `drift` as `null` without a baseline (not left out).
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(tenant, forKey: .tenant)
        try c.encode(ruleId, forKey: .ruleId)
        try c.encode(severity, forKey: .severity)
        try c.encode(resource, forKey: .resource)
        try c.encode(message, forKey: .message)
        try c.encode(drift, forKey: .drift)
        try c.encode(fingerprint, forKey: .fingerprint)
    }

    /// Worst first: severity, then new before known, then tenant, rule, resource and fingerprint
    /// (a total order, so the list is the same on every run).
    package static func worstFirst(_ lhs: FleetFinding, _ rhs: FleetFinding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let (l, r) = (lhs.drift == .unchanged ? 1 : 0, rhs.drift == .unchanged ? 1 : 0)
        if l != r { return l < r }
        if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
        if lhs.ruleId != rhs.ruleId { return lhs.ruleId < rhs.ruleId }
        if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
        return lhs.fingerprint < rhs.fingerprint
    }
}
