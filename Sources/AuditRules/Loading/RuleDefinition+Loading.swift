import Foundation
import Yams

extension RuleDefinition {
    static let keys = ["id", "title", "severity", "category", "description", "rationale", "remediation",
                       "references", "check", "parameters", "examples"]

    /// Parses one rule file strictly.
    static func parse(_ text: String, file: String) throws(AuditRulesError) -> RuleDefinition {
        try YAMLDocument.withRoot(text, file: file) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: file, what: "rule", allowed: keys)
            let id = try map.requiredString("id")
            guard id.allSatisfy({ ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII }) else {
                throw map.fail("id", "must be lowercase letters, digits and '-'")
            }
            let severityText = try map.requiredString("severity")
            guard let severity = Severity(rawValue: severityText.lowercased()) else {
                throw map.fail("severity", "must be one of info, low, medium, high, critical, got '\(severityText)'")
            }
            let checkText = try map.requiredString("check")
            guard let check = RuleCheck(rawValue: checkText) else {
                let list = RuleCheck.allCases.map(\.rawValue).joined(separator: ", ")
                throw map.fail("check", "names an unknown check '\(checkText)' (known: \(list))")
            }
            guard let references = try map.stringList("references") else {
                throw .invalid(file: file, line: map.line, message: "rule: missing required key 'references'")
            }
            let metadata = RuleMetadata(
                id: id, title: try map.requiredString("title"), severity: severity,
                category: try map.requiredString("category"), description: try map.requiredString("description"),
                rationale: try map.requiredString("rationale"), remediation: try map.requiredString("remediation"),
                references: references)
            return RuleDefinition(
                metadata: metadata, check: check,
                parameters: try RuleParameters.parse(map.node("parameters"), check: check, file: file),
                examples: try RuleExample.parseAll(map.node("examples"), file: file),
                sourceFile: file, line: map.line(of: "id"))
        }
    }
}
