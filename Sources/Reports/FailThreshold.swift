import AuditRules

/// The `--fail-on` value: the lowest severity that fails the gate, or `never`.
package enum FailThreshold: String, CaseIterable, Sendable, Codable {
    case info, low, medium, high, critical, never

    /// The severity at or above which open findings fail the gate; nil for `never`.
    package var severity: Severity? { Severity(rawValue: rawValue) }
}
