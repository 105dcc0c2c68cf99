import AuditRules
import Foundation
import V360Core

/// The Markdown report (`v360audit.md`): verdict and counts first, then findings by severity,
/// the remediation plan, the inventory (table and Mermaid graph), drift and coverage. Sized for a CI job summary.
package struct MarkdownReporter: Reporter {
    package static let identifier = "markdown"
    package static let fileName = "v360audit.md"
    /// GitHub's job-summary limit (1 MiB); larger reports are cut at a section boundary with a note.
    var sizeCap: Int

    /// A reporter whose output is cut at `sizeCap` bytes (default GitHub's job-summary limit).
    package init(sizeCap: Int = 1_048_576) {
        self.sizeCap = sizeCap
    }

    package func render(_ context: ReportContext) -> String {
        // The findings and the sections after them (the plan is the large one) are independent
        // pure renderings: each on a thread of its own, so a large report is done in about half the time.
        let findings: @Sendable () -> [String] = {
            [header(context), counts(context), rulesTable(context)] + MarkdownFindings(context: context).blocks()
        }
        let rest: @Sendable () -> [String] = {
            MarkdownChanges(result: context.result).blocks() + MarkdownPlan(plan: context.result.plan).blocks()
                + MarkdownInventory(context: context).blocks() + MarkdownCoverage(context: context).blocks()
        }
        let halves = [findings, rest].mapOnThreads { $0() }
        return Self.assemble(halves[0] + halves[1], cap: sizeCap)
    }

    /// Joins blocks; the block that would pass `cap` bytes is cut at a line boundary (closing any
    /// open `<details>` or code fence) and followed by a note, and later blocks are left out.
    static func assemble(_ blocks: [String], cap: Int) -> String {
        let budget = cap - 512  // room for the note and the closing tags
        var out = ""
        out.reserveCapacity(min(cap, blocks.reduce(0) { $0 + $1.utf8.count + 2 }))
        for (index, block) in blocks.enumerated() {
            if out.utf8.count + block.utf8.count + 2 <= budget {
                out += block
                out += "\n\n"
                continue
            }
            out += partial(block, budget: budget - out.utf8.count)
            let omitted = blocks[index...].reduce(0) { $0 + $1.utf8.count + 2 }
            out += "> **Report truncated** to fit \(cap / 1024) KiB (the CI job-summary limit): about "
                + "\(omitted) bytes of \(blocks.count - index) section(s) left out. "
                + "The JSON report (`v360audit.json`) has every finding.\n"
            return out
        }
        out.removeLast()  // one trailing newline
        return out
    }

    /// The lines of `block` that fit in `budget` bytes, with open `<details>` and fences closed.
    private static func partial(_ block: String, budget: Int) -> String {
        var kept = ""
        var openDetails = 0
        var inFence = false
        // Line by line only as far as the budget goes (the cut block can be megabytes long).
        var lines = CharacterLines(block)
        while let line = lines.next() {
            guard kept.utf8.count + line.utf8.count + 1 <= budget - 64 else { break }
            kept += line
            kept += "\n"
            if line.hasPrefix("```") { inFence.toggle() }
            if line.hasPrefix("<details>") { openDetails += 1 }
            if line.hasPrefix("</details>") { openDetails -= 1 }
        }
        if inFence { kept += "```\n" }
        kept += String(repeating: "\n</details>\n", count: max(0, openDetails))
        return kept.isEmpty ? "" : kept + "\n"
    }

    // MARK: - Header

    private func header(_ context: ReportContext) -> String {
        let gate = context.gate
        let threshold = "`--fail-on \(gate.failOn.rawValue)`" + (gate.failOnNew ? " `--fail-on-new`" : "")
        let verdict: String
        if !context.complete {
            verdict = "**Verdict: INCOMPLETE** — PSA data could not be read, so this scan is not a pass "
                + "(exit code 2). See *Coverage* below."
                + (gate.passed ? "" : " The gate also failed: \(gate.failing.count) open finding(s) at or above \(threshold).")
        } else if gate.passed {
            verdict = "**Verdict: PASSED** — no open finding fails the gate (\(threshold))."
        } else {
            verdict = "**Verdict: FAILED** — \(gate.failing.count) open finding(s) fail the gate (\(threshold))."
        }
        let scan = context.scan
        let site = MarkdownText.escape(scan.site)
        var changes = ""
        if let count = context.result.changes?.count {
            changes = count == 0 ? " No changes in the PSA since the baseline."
                : " **\(count) change(s) in the PSA since the baseline** (see *Changes since the baseline*)."
        }
        return """
            # v360audit report

            \(verdict)\(changes)

            Source: \(scan.source.rawValue) · site \(site) · captured \(Self.isoDate(scan.capturedAt)) · \
            snapshot SHA-256 `\(scan.snapshotSha256.prefix(16))…` · v360audit \(context.toolVersion)
            """
    }

    private func counts(_ context: ReportContext) -> String {
        let findings = context.result.findings
        var rows: [String] = []
        for severity in Severity.allCases.reversed() {
            let matching = findings.filter { $0.severity == severity }
            let open = matching.filter { $0.status == .open }.count
            rows.append(MarkdownText.row([severity.rawValue, String(open), String(matching.count - open)]))
        }
        let open = findings.filter { $0.status == .open }.count
        rows.append(MarkdownText.row(["**total**", "**\(open)**", "**\(findings.count - open)**"]))
        return MarkdownText.header(["severity", "open", "waived"], alignRight: [1, 2]) + "\n" + rows.joined(separator: "\n")
    }

    private func rulesTable(_ context: ReportContext) -> String {
        let rows = context.result.rules.map { result -> String in
            var counts = [0, 0, 0]  // failed, skipped, errors (as in the JUnit report)
            for ruleCase in result.cases {
                switch ruleCase.outcome {
                case .passed: break
                case .failed(let finding): counts[finding.status == .open ? 0 : 1] += 1
                case .notEvaluated: counts[1] += 1
                case .error: counts[2] += 1
                }
            }
            return MarkdownText.row(["`\(result.rule.id)`", result.rule.severity.rawValue,
                                     String(max(1, result.cases.count))] + counts.map(String.init))
        }
        let header = MarkdownText.header(["rule", "severity", "checked", "failed", "skipped", "errors"],
                                         alignRight: [2, 3, 4, 5])
        return "## Rules\n\n" + MarkdownText.foldedTable(header: header, rows: rows, visible: 30,
                                                          summary: "\(rows.count - 30) more rules")
    }

    /// `2026-11-01T06:00:00Z`.
    static func isoDate(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
