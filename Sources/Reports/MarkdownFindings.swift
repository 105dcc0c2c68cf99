import AuditRules
import Foundation

/// The Markdown report's findings: open findings grouped by severity, then by rule, each with an
/// evidence table; the rule's remediation once per rule; waived findings in one table.
struct MarkdownFindings {
    /// Findings shown per rule before the rest are folded into `<details>`.
    static let visiblePerRule = 10

    var context: ReportContext

    /// One block per rule with open findings, plus headings and the waived table.
    func blocks() -> [String] {
        let open = context.result.findings.filter { $0.status == .open }
        var blocks = ["## Findings" + (open.isEmpty ? "\n\nNo open findings." : "")]
        let rules = Dictionary(context.result.rules.map { ($0.rule.id, $0.rule) }, uniquingKeysWith: { a, _ in a })
        for severity in Severity.allCases.reversed() {
            let matching = open.filter { $0.severity == severity }
            guard !matching.isEmpty else { continue }
            blocks.append("### \(severity.rawValue.capitalized) (\(matching.count))")
            var byRule: [(String, [Finding])] = []
            for finding in matching {
                if let last = byRule.indices.last, byRule[last].0 == finding.ruleId {
                    byRule[last].1.append(finding)
                } else {
                    byRule.append((finding.ruleId, [finding]))
                }
            }
            for (ruleId, findings) in byRule {
                blocks.append(ruleBlock(ruleId: ruleId, rule: rules[ruleId], findings: findings))
            }
        }
        let waived = context.result.findings.filter { $0.status == .waived }
        if !waived.isEmpty { blocks.append(waivedBlock(waived)) }
        return blocks
    }

    private func ruleBlock(ruleId: String, rule: RuleMetadata?, findings: [Finding]) -> String {
        let title = rule.map { " — " + MarkdownText.escape($0.title) } ?? ""
        var text = "#### `\(ruleId)`\(title) (\(findings.count))\n\n"
        // Rule text is the rule pack's own Markdown (not tenant data): kept as Markdown, but `<` is
        // escaped so placeholders like "<tool>" are not swallowed as HTML tags.
        if let rule { text += Self.ruleText(rule.description) + "\n\n" }
        text += findings.prefix(Self.visiblePerRule).map(findingBlock).joined(separator: "\n\n")
        if findings.count > Self.visiblePerRule {
            // The rest as one compact row each, so a large tenant still fits a job summary.
            let rows = findings.dropFirst(Self.visiblePerRule).map { finding in
                MarkdownText.row([MarkdownText.escape(EvidenceText.resource(finding.resource)),
                                  MarkdownText.escape(finding.message),
                                  context.renderedEvidence?.markdownCell(finding)
                                    ?? MarkdownText.evidenceCell(finding.evidence)])
            }
            text += "\n\n<details><summary>\(rows.count) more findings of \(ruleId)</summary>\n\n"
                + MarkdownText.header(["resource", "message", "evidence"]) + "\n" + rows.joined(separator: "\n")
                + "\n\n</details>"
        }
        if let rule {
            text += "\n\n**Remediation**\n\n" + Self.ruleText(rule.remediation)
        }
        return text
    }

    /// Rule-pack Markdown, trimmed, with `<` outside code spans written as `&lt;`.
    static func ruleText(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            if character == "`" { inCode.toggle() }
            out += character == "<" && !inCode ? "&lt;" : String(character)
        }
        return out
    }

    private func findingBlock(_ finding: Finding) -> String {
        var text = "**" + MarkdownText.escape(EvidenceText.resource(finding.resource)) + "**"
        if finding.drift == .new { text += " *(new)*" }
        text += ": " + MarkdownText.escape(finding.message) + " · fingerprint `\(finding.fingerprint)`"
        guard case .object(let fields) = finding.evidence, !fields.isEmpty else { return text }
        var scalars: [String] = []
        var tables: [String] = []
        for field in fields {
            if case .list(let items) = field.value, !items.isEmpty, items.allSatisfy(EvidenceText.isObject) {
                tables.append("*" + MarkdownText.escape(field.key) + "*\n\n" + objectTable(items))
            } else {
                scalars.append(MarkdownText.row([MarkdownText.escape(field.key),
                                                 MarkdownText.evidenceCell(field.value)]))
            }
        }
        if !scalars.isEmpty {
            text += "\n\n" + MarkdownText.header(["evidence", "value"]) + "\n" + scalars.joined(separator: "\n")
        }
        for table in tables { text += "\n\n" + table }
        return text
    }

    /// A table of objects (e.g. each excess permission), with the union of their keys as columns.
    private func objectTable(_ items: [EvidenceValue]) -> String {
        var columns: [String] = []
        for case .object(let fields) in items {
            for field in fields where !columns.contains(field.key) { columns.append(field.key) }
        }
        let rows = items.map { item -> String in
            guard case .object(let fields) = item else { return "" }
            return MarkdownText.row(columns.map { column in
                fields.first { $0.key == column }.map { MarkdownText.evidenceCell($0.value) } ?? ""
            })
        }
        return MarkdownText.foldedTable(header: MarkdownText.header(columns.map { MarkdownText.escape($0) }),
                                        rows: rows, visible: 15, summary: "\(rows.count - 15) more rows")
    }

    private func waivedBlock(_ waived: [Finding]) -> String {
        let rows = waived.map { finding in
            MarkdownText.row([
                "`\(finding.ruleId)`", finding.severity.rawValue,
                MarkdownText.escape(EvidenceText.resource(finding.resource)),
                MarkdownText.escape(finding.waiver?.id ?? ""),
                MarkdownText.escape(finding.waiver?.owner ?? ""),
                MarkdownText.escape(finding.waiver?.ticket ?? "—"),
                MarkdownText.escape(finding.waiver?.expires ?? ""),
                MarkdownText.escape(finding.waiver?.reason ?? ""),
                finding.waiver?.fingerprint == nil ? "—" : "pinned",
            ])
        }
        let header = MarkdownText.header(["rule", "severity", "resource", "waiver", "owner", "ticket", "expires", "reason", "pinned"])
        return "### Waived (\(waived.count))\n\n"
            + MarkdownText.foldedTable(header: header, rows: rows, visible: 10, summary: "\(rows.count - 10) more waived findings")
    }
}
