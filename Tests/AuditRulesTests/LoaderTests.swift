import Foundation
import Testing
@testable import AuditRules

/// Strict loading: every problem names the file and the line.
@Suite struct LoaderTests {
    private func loadError(_ files: [String: String]) throws -> AuditRulesError? {
        try T.withDirectory(files) { dir -> AuditRulesError? in
            do throws(AuditRulesError) {
                _ = try RulePack.load(directories: [dir], includeBundled: false)
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func unknownKeyNamesFileAndLine() throws {
        let error = try #require(try loadError(["r.yml": T.ruleYAML(extra: "colour: red")]))
        #expect(error.file.hasSuffix("r.yml"))
        #expect(error.line == 11)
        #expect(error.description.contains("unknown key 'colour'"))
    }

    @Test func unknownCheckMissingFieldAndWrongType() throws {
        let unknown = try #require(try loadError(["r.yml": T.ruleYAML(check: "magic")]))
        #expect(unknown.line == 9 && unknown.description.contains("unknown check 'magic'"))
        let missing = try #require(try loadError(["r.yml": "id: x\ntitle: t\n"]))
        #expect(missing.description.contains("missing required key"))
        let wrongType = try #require(try loadError(["r.yml": T.ruleYAML().replacingOccurrences(
            of: "references: []", with: "references: {a: b}")]))
        #expect(wrongType.line == 8 && wrongType.description.contains("'references' must be a list"))
        let severity = try #require(try loadError(["r.yml": T.ruleYAML(severity: "urgent")]))
        #expect(severity.line == 3)
    }

    @Test func duplicateIdAcrossFilesOfOneDirectory() throws {
        let error = try #require(try loadError(["a.yml": T.ruleYAML(id: "same"), "b.yml": T.ruleYAML(id: "same")]))
        guard case .duplicateId(_, let id, let file, let line, let firstFile, _) = error else {
            Issue.record("expected duplicateId, got \(error)"); return
        }
        #expect(id == "same" && file.hasSuffix("b.yml") && firstFile.hasSuffix("a.yml") && line == 1)
    }

    @Test(arguments: ["0", "1.5", "-0.5", "abc", "0.1234567891", "1e-1"])
    func badThreshold(_ value: String) throws {
        let text = T.ruleYAML(check: "admin-equivalent-role", parameters: "parameters:\n  threshold: \(value)")
        let error = try #require(try loadError(["r.yml": text]))
        #expect(error.line == 11, "\(error)")
        #expect(error.description.contains("threshold"))
    }

    @Test func badParameters() throws {
        let days = try #require(try loadError(["r.yml": T.ruleYAML(check: "stale-key", parameters: "parameters: {maxAgeDays: 0}")]))
        #expect(days.description.contains("maxAgeDays") && days.line == 10)
        let foreign = try #require(try loadError(["r.yml": T.ruleYAML(check: "stale-key", parameters: "parameters: {threshold: 0.5}")]))
        #expect(foreign.description.contains("unknown key 'threshold'"))
        let names = try #require(try loadError(["r.yml": T.ruleYAML(parameters: "parameters: {adminRoleNames: []}")]))
        #expect(names.description.contains("adminRoleNames"))
    }

    @Test func aliasBombIsRefused() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { text += "b\(i): &b\(i) [*\(i == 1 ? "a" : "b\(i - 1)"), *\(i == 1 ? "a" : "b\(i - 1)"), *\(i == 1 ? "a" : "b\(i - 1)")]\n" }
        let error = try #require(try loadError(["r.yml": text]))
        #expect(error.line == 1)
        #expect(error.description.contains("anchors and aliases"))
    }

    @Test func nonUTF8AndHugeFilesAreErrors() throws {
        let bad = try T.withDirectory([:]) { dir -> AuditRulesError? in
            try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: dir.appendingPathComponent("bad.yml"))
            do throws(AuditRulesError) { _ = try RulePack.load(directories: [dir], includeBundled: false); return nil } catch { return error }
        }
        #expect(bad == .notUTF8(file: try #require(bad?.file)))
        let huge = try #require(try loadError(["big.yml": "# " + String(repeating: "x", count: 1 << 20)]))
        guard case .tooLarge = huge else { Issue.record("expected tooLarge, got \(huge)"); return }
    }

    @Test func deepNestingAndDuplicateKeysAreErrorsNotCrashes() throws {
        let deep = "id: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n"
        #expect(try loadError(["r.yml": deep]) != nil)
        let duplicate = try #require(try loadError(["r.yml": T.ruleYAML() + "\ntitle: again\n"]))
        #expect(duplicate.description.contains("title"), "\(duplicate)")
    }

    @Test func yamlSyntaxErrorHasLine() throws {
        let error = try #require(try loadError(["r.yml": "id: x\ntitle: [unclosed\nseverity: high\n"]))
        guard case .syntax(_, let line, _) = error else { Issue.record("expected syntax, got \(error)"); return }
        #expect(line != nil)
    }

    @Test func toolProfileValidation() throws {
        let badLevel = """
            id: t
            name: T
            vendor: V
            source: https://example.test
            verified: true
            permissions:
              - { module: System, function: Security, inquire: Everything }
            """
        let error = try #require(try loadError(["tools/t.yml": badLevel]))
        #expect(error.line == 7 && error.description.contains("Everything"))
        let noSource = try #require(try loadError(["tools/t.yml": badLevel.replacingOccurrences(
            of: "source: https://example.test\n", with: "").replacingOccurrences(of: "Everything", with: "All")]))
        #expect(noSource.description.contains("missing required key 'source'"))
    }

    @Test func laterDirectoriesOverrideEarlierOnesById() throws {
        let custom = T.ruleYAML(id: "api-member-admin-role", check: "admin-role", severity: "low",
                                parameters: "parameters: {adminRoleNames: [Boss]}")
        let tool = """
            id: MSP360
            name: Override
            vendor: Me
            source: https://example.test
            verified: false
            permissions: []
            """
        try T.withDirectory(["api-member-admin-role.yml": custom, "tools/msp360.yml": tool]) { first in
            let pack = try RulePack.load(directories: [first])
            #expect(pack.rules.count == 12)
            let rule = try #require(pack.rule("api-member-admin-role"))
            #expect(rule.metadata.severity == .low && rule.parameters.adminRoleNames == ["Boss"])
            #expect(pack.tool("msp360")?.name == "Override")
            let again = T.ruleYAML(id: "api-member-admin-role", severity: "medium")
            try T.withDirectory(["x.yml": again]) { second in
                let later = try RulePack.load(directories: [first, second])
                #expect(later.rule("api-member-admin-role")?.metadata.severity == .medium)
                let without = try RulePack.load(directories: [first], includeBundled: false)
                #expect(without.rules.map(\.id) == ["api-member-admin-role"])
                #expect(without.tools.keys.sorted() == ["msp360"])
            }
        }
    }

    @Test func missingDirectoryIsAnError() {
        #expect(throws: AuditRulesError.self) {
            try RulePack.load(directories: [URL(fileURLWithPath: "/nonexistent/rules")])
        }
    }
}
