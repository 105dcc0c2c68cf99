import Foundation

extension RuleDefinition {
    /// Everything in the rule file, readable: for `v360audit rules explain ID`.
    public func explanation() -> String {
        var lines = [
            "\(metadata.id) — \(metadata.title)",
            "severity: \(metadata.severity.rawValue)    category: \(metadata.category)    check: \(check.rawValue)",
            "source: \(sourceFile)\(line.map { ":\($0)" } ?? "")",
            "",
            "What it flags:", indent(metadata.description), "",
            "Why it matters:", indent(metadata.rationale), "",
            "How to fix it:", indent(metadata.remediation),
        ]
        let parameterLines = parameters.describe(for: check)
        if !parameterLines.isEmpty {
            lines += ["", "Parameters:"] + parameterLines.map { "  \($0)" }
        }
        if !metadata.references.isEmpty {
            lines += ["", "References:"] + metadata.references.map { "  - \($0)" }
        }
        if !examples.passing.isEmpty || !examples.failing.isEmpty {
            lines += ["", "Examples:"]
            lines += examples.passing.map { "  passes: \($0.name)" }
            lines += examples.failing.map { "  fails:  \($0.name) → finding on \($0.expectedResource ?? "?")" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func indent(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  \($0)" }.joined(separator: "\n")
    }
}
