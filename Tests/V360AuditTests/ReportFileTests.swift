import AuditRules
import Foundation
import Testing
@testable import V360Audit

/// Reports reach their files whole: written in pieces to a temporary file that replaces the
/// previous report only once complete.
@Suite struct ReportFileTests {
    @Test func fileOutputEqualsRenderedText() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Large enough (several MiB) that every reporter flushes to disk more than once.
        let context = ResultFixtures.context(ResultFixtures.manyFindings(150))
        for reporter in [JUnitReporter(), MarkdownReporter(), JSONReporter()] as [any Reporter] {
            let path = directory.appendingPathComponent(type(of: reporter).fileName).path
            let file = try ReportFile(path: path)
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
            let file = try ReportFile(path: path)
            reporter.write(context, to: file)
            try file.finish()
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == reporter.render(context))
            #expect(written.components(separatedBy: last).count == 3, "each large body once")
        }
    }

    @Test func aNewReportReplacesTheOldOneAndLeavesNothingElse() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v360audit.md").path
        for text in ["last night's report\n", String(repeating: "tonight's report\n", count: 100_000)] {
            let file = try ReportFile(path: path)
            file.append(text)
            try file.finish()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["v360audit.md"])
    }

    @Test func aDirectoryInTheReportsPlaceFailsNamingThePathAndStays() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v360audit.json").path
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let file = try ReportFile(path: path)
        file.append("{}\n")
        let error = #expect(throws: V360AuditError.self) { try file.finish() }
        #expect(error.map { "\($0)" }?.contains(path) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["v360audit.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }
}
