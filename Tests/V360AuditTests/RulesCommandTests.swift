import Foundation
import Testing
@testable import V360Audit

@Suite struct RulesCommandTests {
    @Test func listShowsEveryBundledRule() async {
        let (code, output) = await runCommand(["rules", "list"])
        #expect(code == 0)
        for rule in DemoScanTests.designRules { #expect(output.out.contains(rule + " "), "\(rule)") }
    }

    @Test func explainPrintsTheRule() async {
        let (code, output) = await runCommand(["rules", "explain", "api-member-admin-role"])
        #expect(code == 0)
        #expect(output.out.contains("api-member-admin-role"))
        #expect(output.out.contains("critical"))
    }

    @Test func validateAcceptsTheBundledDirectoryAndNamesFileAndLineOfABadOne() async throws {
        let (good, goodOutput) = await runCommand(["rules", "validate", TestPaths.root.appendingPathComponent("rules").path])
        #expect(good == 0, "\(goodOutput.err)")
        #expect(goodOutput.out.contains("valid"))
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad-rule.yml")
        try Data("id: bad-rule\ntitle: Bad\nbogus: 1\n".utf8).write(to: file)
        let (bad, badOutput) = await runCommand(["rules", "validate", directory.path])
        #expect(bad == 64)
        #expect(badOutput.err.contains("bad-rule.yml:3"), "\(badOutput.err)")
        // The same directory given to scan fails before any read.
        let (scan, _) = await runCommand(["scan", "--demo", "--rules", directory.path, "--output-dir", directory.path])
        #expect(scan == 64)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("v360audit.json").path))
    }
}
