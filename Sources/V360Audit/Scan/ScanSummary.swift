import AuditRules
import Reports

/// The one-paragraph summary `scan` prints to stdout: verdict, counts, where the reports went.
struct ScanSummary {
    var context: ReportContext
    /// The report files written.
    var files: [String]

    /// The paragraph (one line per sentence group, no trailing newline).
    var paragraph: String {
        let result = context.result
        // Counted in place: copying thousands of findings and cases (evidence and all) just to
        // count them costs milliseconds at the very end of a large scan.
        var openBySeverity: [Severity: Int] = [:]
        for finding in result.findings where finding.status == .open { openBySeverity[finding.severity, default: 0] += 1 }
        let openCount = openBySeverity.values.reduce(0, +)
        let waived = result.findings.count - openCount
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let n = openBySeverity[severity, default: 0]
            return n == 0 ? nil : "\(n) \(severity.rawValue)"
        }
        let gate = context.gate
        let verdict: String
        if !context.complete {
            verdict = "INCOMPLETE: some PSA data could not be read, so this is not a pass (exit 2)."
        } else if gate.passed {
            verdict = "PASSED: no open finding at or above --fail-on \(gate.failOn.rawValue)."
        } else {
            verdict = "FAILED: \(gate.failing.count) open finding(s) at or above --fail-on \(gate.failOn.rawValue)"
                + (gate.failOnNew ? " that are new since the baseline." : ".")
        }
        let cases = result.rules.reduce(0) { $0 + max(1, $1.cases.count) }
        var text = "v360audit \(verdict) \(result.rules.count) rules, \(cases) checks; "
            + "\(openCount) open finding(s)" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
            + (waived > 0 ? ", \(waived) waived" : "") + "."
        var notEvaluated = 0
        for rule in result.rules {
            for ruleCase in rule.cases { if case .notEvaluated = ruleCase.outcome { notEvaluated += 1 } }
        }
        if notEvaluated > 0 { text += " \(notEvaluated) check(s) not evaluated (missing user input; see the coverage section)." }
        if result.hasBaseline {
            let new = result.findings.reduce(0) { $0 + ($1.drift == .new ? 1 : 0) }
            text += " Since the baseline: \(new) new, \(result.resolved.count) resolved"
                + (result.changes.map { ", \($0.count) change(s) in the PSA." } ?? ".")
        }
        text += " Source: \(context.scan.source.rawValue) (\(context.scan.site))."
        text += files.isEmpty ? "" : " Reports: " + files.joined(separator: ", ") + "."
        return text
    }
}
