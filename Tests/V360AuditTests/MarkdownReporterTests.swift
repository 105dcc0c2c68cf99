import AuditRules
import Foundation
@testable import Reports
import Testing
@testable import V360Audit

@Suite struct MarkdownReporterTests {
    /// Every GFM table row in `markdown` has as many unescaped `|` as its header row.
    static func tableShapes(_ markdown: String) -> [(header: Int, rows: [Int])] {
        var tables: [(Int, [Int])] = []
        var current: [Int] = []
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        lines.append("")
        for line in lines {
            if line.hasPrefix("|") {
                current.append(unescapedPipes(line))
            } else if !current.isEmpty {
                tables.append((current[0], Array(current.dropFirst())))
                current = []
            }
        }
        return tables
    }

    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    @Test func hostileDataKeepsTablesIntact() throws {
        let markdown = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let tables = Self.tableShapes(markdown)
        #expect(tables.count >= 6)
        for table in tables {
            #expect(table.header >= 3)
            for row in table.rows { #expect(row == table.header) }
        }
        for forbidden in ["<b>", "<script>", "\u{0}", "\u{7}", "\u{1B}", "\r"] {
            #expect(!markdown.contains(forbidden), "found \(forbidden.debugDescription)")
        }
        #expect(markdown.contains("ev\\|il &lt;b&gt;bold&lt;/b&gt;"))
        #expect(markdown.contains("😀👩‍💻"))
        // The 10,000-character name is clipped in tables and headings.
        #expect(!markdown.contains(String(repeating: "Ab\\|c", count: 100)))
    }

    @Test func verdictAndCountsComeFirst() {
        let markdown = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult(complete: true)))
        let lines = markdown.split(separator: "\n")
        #expect(lines[0] == "# v360audit report")
        #expect(lines[1].hasPrefix("**Verdict: FAILED** — 2 open finding(s)"))
        #expect(markdown.contains("| critical | 1 | 0 |\n| high | 1 | 0 |\n| medium | 0 | 1 |"))
        let incomplete = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        #expect(incomplete.contains("**Verdict: INCOMPLETE**"))
        let passed = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult(complete: true), failOn: .never))
        #expect(passed.contains("**Verdict: PASSED**"))
    }

    @Test func sectionsInOrder() throws {
        let markdown = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let order = ["## Rules", "## Findings", "### Critical (1)", "### High (1)", "### Waived (1)",
                     "## Inventory", "```mermaid", "## Coverage"]
        let positions = try order.map { try #require(markdown.range(of: $0), "missing \($0)").lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func mermaidIdsAreGeneratedAndLabelsCannotEscape() throws {
        let markdown = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let start = try #require(markdown.range(of: "```mermaid\n"))
        let end = try #require(markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex))
        let graph = markdown[start.upperBound..<end.lowerBound].split(separator: "\n")
        #expect(graph.first == "graph LR")
        for line in graph.dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let id = trimmed.prefix { $0.isLetter || $0.isNumber }
            #expect(!id.isEmpty)
            if trimmed.contains("\"") { #expect(trimmed.filter { $0 == "\"" }.count == 2, "\(trimmed)") }
            #expect(!trimmed.contains("`") && !trimmed.contains("<"))
        }
        #expect(graph.contains { $0.contains("class m0,r0 critical") })
        #expect(graph.contains { $0.contains("class m1 high") })
    }

    @Test func longListsFoldIntoDetails() {
        let markdown = MarkdownReporter().render(ResultFixtures.context(ResultFixtures.manyFindings(40)))
        #expect(markdown.contains("<details><summary>30 more findings of unregistered-api-member</summary>"))
        #expect(markdown.contains("<details><summary>15 more API members</summary>"))
        #expect(markdown.contains("The graph shows the first \(MermaidGraph.maxMembers)") == false)
    }

    @Test func sizeCapCutsWithANote() {
        let context = ResultFixtures.context(ResultFixtures.manyFindings(4_000, nameLength: 200))
        let full = MarkdownReporter(sizeCap: .max).render(context)
        #expect(full.utf8.count > 1_048_576)
        let capped = MarkdownReporter().render(context)
        #expect(capped.utf8.count <= 1_048_576)
        #expect(capped.contains("**Report truncated** to fit 1024 KiB"))
        #expect(capped.hasPrefix("# v360audit report"))
        let small = MarkdownReporter(sizeCap: 5_000).render(context)
        #expect(small.utf8.count <= 5_000)
        #expect(Self.tableShapes(small).allSatisfy { table in table.rows.allSatisfy { $0 == table.header } })
    }

    @Test func escapeHandlesMarkdownSyntax() {
        #expect(MarkdownText.escape("a|b\\|c") == "a\\|b\\\\\\|c")
        #expect(MarkdownText.escape("<img src=x>") == "&lt;img src=x&gt;")
        #expect(MarkdownText.escape("x\ny\r\nz") == "x y z")
        #expect(MarkdownText.escape("`rm`*") == "\\`rm\\`\\*")
        #expect(MarkdownText.escape(String(repeating: "a", count: 500)).count == MarkdownText.maxLength + 1)
    }
}
