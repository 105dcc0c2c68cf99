import Foundation
import Testing
@testable import AuditRules

/// Runs every rule file's examples: they are the rules' executable specification.
@Suite struct RuleExamplesTests {
    struct ExampleCase: Sendable, CustomTestStringConvertible {
        var ruleId: String
        var example: RuleExample
        var failing: Bool
        var testDescription: String { "\(ruleId) \(failing ? "fails" : "passes"): \(example.name)" }
    }

    static let all: [ExampleCase] = {
        guard let pack = try? RulePack.bundled() else { return [] }
        return pack.rules.flatMap { rule in
            rule.examples.passing.map { ExampleCase(ruleId: rule.id, example: $0, failing: false) }
                + rule.examples.failing.map { ExampleCase(ruleId: rule.id, example: $0, failing: true) }
        }
    }()

    @Test func everyRuleHasPassingAndFailingExamples() throws {
        let pack = try T.pack()
        #expect(pack.rules.count == 12)
        for rule in pack.rules {
            #expect(!rule.examples.passing.isEmpty, "\(rule.id) has no passing example")
            #expect(!rule.examples.failing.isEmpty, "\(rule.id) has no failing example")
        }
        #expect(RuleExamplesTests.all.count >= 20)
    }

    @Test(arguments: RuleExamplesTests.all)
    func example(_ item: ExampleCase) throws {
        let result = try T.evaluate(item.example.snapshot, register: item.example.register)
        let findings = T.findings(result, item.ruleId)
        if item.failing {
            let expected = try #require(item.example.expectedResource).lowercased()
            #expect(findings.contains { WaiverSet.label(of: $0.resource).lowercased() == expected },
                    "expected a finding on \(expected), got \(findings.map { WaiverSet.label(of: $0.resource) })")
        } else {
            #expect(findings.isEmpty, "unexpected findings: \(findings.map(\.message))")
        }
    }
}
