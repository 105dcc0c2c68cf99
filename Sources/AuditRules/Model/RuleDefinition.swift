import Foundation

/// One rule as loaded from `rules/<id>.yml`: what reports show, which built-in check evaluates
/// it with which parameters, and its examples (the rule's executable specification).
///
/// ```yaml
/// id: api-member-admin-role
/// title: …
/// severity: critical            # info | low | medium | high | critical
/// category: api-members
/// description: …
/// rationale: …
/// remediation: …                # steps in the PSA
/// references: [https://…]
/// check: admin-role             # one of RuleCheck
/// parameters: { adminRoleNames: [Admin, Administrator] }
/// examples: { passing: [fragment…], failing: [fragment… with `finding:`] }
/// ```
public struct RuleDefinition: Sendable {
    /// Id, title, severity, texts and references.
    public var metadata: RuleMetadata
    /// The built-in evaluator.
    public var check: RuleCheck
    /// Typed parameters (defaults where the file has none).
    public var parameters: RuleParameters
    /// Passing and failing example fragments.
    public var examples: RuleExamples
    /// The file the rule came from (`<bundled>/rules/…` for the built-in pack).
    public var sourceFile: String
    /// The line of the rule's `id`.
    public var line: Int?

    /// The rule id.
    public var id: String { metadata.id }

    /// Creates a rule definition.
    public init(metadata: RuleMetadata, check: RuleCheck, parameters: RuleParameters = RuleParameters(),
                examples: RuleExamples = RuleExamples(), sourceFile: String = "", line: Int? = nil) {
        self.metadata = metadata
        self.check = check
        self.parameters = parameters
        self.examples = examples
        self.sourceFile = sourceFile
        self.line = line
    }
}

/// A rule's examples.
public struct RuleExamples: Sendable {
    /// Fragments on which the rule must produce no finding.
    public var passing: [RuleExample]
    /// Fragments on which the rule must produce the stated finding.
    public var failing: [RuleExample]

    /// Creates examples.
    public init(passing: [RuleExample] = [], failing: [RuleExample] = []) {
        self.passing = passing
        self.failing = failing
    }
}
