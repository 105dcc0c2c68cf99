import Foundation

/// The outcome of evaluating a rule pack against a snapshot: what every reporter renders.
public struct AuditResult: Sendable {
    /// One result per rule, sorted by rule id.
    public var rules: [RuleResult]
    /// Every failed case's finding (open and waived), sorted by rule id then resource.
    public var findings: [Finding]
    /// Findings of the baseline that no longer occur (empty without a baseline), same order.
    public var resolved: [Finding]
    /// What could not be read or evaluated, and caveats such as unverified tool profiles.
    public var coverage: [CoverageEntry]
    /// The API member → role → tools inventory, sorted by member.
    public var inventory: [InventoryRow]
    /// True when no PSA data a rule needed was missing (false makes the exit code 2).
    public var complete: Bool
    /// True when a baseline was applied (drift fields are meaningful).
    public var hasBaseline: Bool
    /// The least-privilege plan: what to change so no planned member is overbroad and no
    /// integration breaks, sorted by role id then member.
    public var plan: [PlanEntry]
    /// What changed in the PSA since a snapshot baseline, sorted; nil without one (no baseline,
    /// or a report baseline, which cannot say).
    public var changes: [SnapshotChange]?

    /// Creates a result.
    public init(rules: [RuleResult], findings: [Finding], resolved: [Finding] = [], coverage: [CoverageEntry],
                inventory: [InventoryRow], complete: Bool, hasBaseline: Bool = false, plan: [PlanEntry] = [],
                changes: [SnapshotChange]? = nil) {
        self.rules = rules
        self.findings = findings
        self.resolved = resolved
        self.coverage = coverage
        self.inventory = inventory
        self.complete = complete
        self.hasBaseline = hasBaseline
        self.plan = plan
        self.changes = changes
    }

    /// Open findings at or above a severity.
    public func openFindings(atLeast severity: Severity) -> [Finding] {
        findings.filter { $0.status == .open && $0.severity >= severity }
    }
}
