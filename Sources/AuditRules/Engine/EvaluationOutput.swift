import Foundation

/// What evaluating one rule produced besides its cases: coverage notes and whether PSA data was
/// missing for it.
struct EvaluationOutput {
    /// The rule's cases (sorted later).
    var cases: [RuleCase] = []
    /// Coverage notes raised while evaluating.
    var coverage: [CoverageEntry] = []
    /// True when a case could not be judged for lack of PSA data.
    var incomplete = false

    /// Appends another output's cases and coverage after this one's.
    mutating func append(_ other: EvaluationOutput) {
        cases += other.cases
        coverage += other.coverage
        incomplete = incomplete || other.incomplete
    }

    mutating func pass(_ resource: ResourceRef) { cases.append(RuleCase(resource: resource, outcome: .passed)) }

    mutating func fail(_ rule: RuleDefinition, _ resource: ResourceRef, _ message: String, _ evidence: [EvidenceField]) {
        let finding = Finding(ruleId: rule.id, severity: rule.metadata.severity, resource: resource,
                              message: message, evidence: .object(evidence))
        cases.append(RuleCase(resource: resource, outcome: .failed(finding)))
    }

    mutating func skip(_ resource: ResourceRef, _ reason: String) {
        cases.append(RuleCase(resource: resource, outcome: .notEvaluated(reason: reason)))
    }

    mutating func error(_ resource: ResourceRef, _ problem: DataProblem) {
        incomplete = true
        cases.append(RuleCase(resource: resource,
                              outcome: .error(endpoint: problem.endpoint, status: problem.status, detail: problem.detail)))
    }
}

/// PSA data a rule needed and could not have: the endpoint, status and a sentence.
struct DataProblem: Sendable, Hashable {
    var endpoint: String
    var status: Int?
    var detail: String
}
