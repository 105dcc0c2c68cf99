import AuditRules
import Foundation
@testable import Reports
import Testing
import V360Core
@testable import V360Audit

/// Reporters that stream into their file (``DurableFile``) write exactly the text they render.
/// (The file writer's own guarantees are tested in V360CoreTests.)
@Suite struct ReportStreamingTests {
    @Test func fileOutputEqualsRenderedText() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Large enough (several MiB) that every reporter flushes to disk more than once.
        let context = ResultFixtures.context(ResultFixtures.manyFindings(150))
        for reporter in [JUnitReporter(), MarkdownReporter(), JSONReporter()] as [any Reporter] {
            let path = directory.appendingPathComponent(type(of: reporter).fileName).path
            let file = try DurableFile(path: path)
            reporter.write(context, to: file)
            try file.finish()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == reporter.render(context))
        }
        // Only the finished reports remain: no temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == ["v360audit.json", "v360audit.junit.xml", "v360audit.md"])
    }

    @Test func evidenceOfManyLinesGoesToTheFileAsItIsAndTheReportsAreTheRenderedText() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Failure bodies far larger than the piece written without copying (16 KiB), between small ones.
        var result = ResultFixtures.manyFindings(4, nameLength: 20)
        for index in [1, 2] {
            let rows = (0..<800).map { row in
                EvidenceValue.object([EvidenceField("module", .string("Module <\(row)>")), EvidenceField("op", .string("add & edit"))])
            }
            let old = result.findings[index]
            let finding = Finding(ruleId: old.ruleId, severity: old.severity, resource: old.resource, message: old.message,
                                  evidence: .object([EvidenceField("excess", .list(rows))]))
            result.findings[index] = finding
            result.rules[0].cases[index] = RuleCase(resource: finding.resource, outcome: .failed(finding))
        }
        let context = ResultFixtures.context(result)
        for (reporter, last) in [(JUnitReporter(), "Module &lt;799&gt;"), (JSONReporter(), "Module <799>")] as [(any Reporter, String)] {
            let path = directory.appendingPathComponent(type(of: reporter).fileName).path
            let file = try DurableFile(path: path)
            reporter.write(context, to: file)
            try file.finish()
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == reporter.render(context))
            #expect(written.components(separatedBy: last).count == 3, "each large body once")
        }
    }
}
