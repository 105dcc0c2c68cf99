import Foundation

/// Everything one rule concluded: a JUnit `<testsuite>`.
public struct RuleResult: Sendable, Hashable {
    /// The rule's metadata.
    public var rule: RuleMetadata
    /// One case per evaluated (or unevaluable) resource, sorted by resource.
    public var cases: [RuleCase]

    /// Creates a rule result.
    public init(rule: RuleMetadata, cases: [RuleCase]) {
        self.rule = rule
        self.cases = cases
    }
}
