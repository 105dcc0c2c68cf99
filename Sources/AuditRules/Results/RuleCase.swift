import Foundation

/// One (rule × resource) verdict: a JUnit `<testcase>`.
public struct RuleCase: Sendable, Hashable {
    /// What happened to the resource under the rule.
    public enum Outcome: Sendable, Hashable {
        /// Evaluated and passed.
        case passed
        /// Evaluated and failed (the finding may be waived).
        case failed(Finding)
        /// Not evaluated because user input is missing (no register, no profile, no `created`).
        case notEvaluated(reason: String)
        /// Could not be judged because PSA data failed to read: the endpoint and status.
        case error(endpoint: String, status: Int?, detail: String)
    }

    /// The resource judged.
    public var resource: ResourceRef
    /// The verdict.
    public var outcome: Outcome

    /// Creates a case.
    public init(resource: ResourceRef, outcome: Outcome) {
        self.resource = resource
        self.outcome = outcome
    }
}
