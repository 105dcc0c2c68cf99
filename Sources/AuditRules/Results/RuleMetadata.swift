import Foundation

/// The descriptive part of a rule, as reports need it.
public struct RuleMetadata: Codable, Sendable, Hashable {
    /// Stable id, never renamed, e.g. `api-member-admin-role`.
    public var id: String
    /// Short title.
    public var title: String
    /// Severity of its findings.
    public var severity: Severity
    /// Category, e.g. `api-members`, `api-keys`.
    public var category: String
    /// What the rule flags.
    public var description: String
    /// Why it matters.
    public var rationale: String
    /// What to do in the PSA, step by step.
    public var remediation: String
    /// Source links.
    public var references: [String]

    /// Creates rule metadata.
    public init(id: String, title: String, severity: Severity, category: String, description: String,
                rationale: String, remediation: String, references: [String]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.category = category
        self.description = description
        self.rationale = rationale
        self.remediation = remediation
        self.references = references
    }
}
