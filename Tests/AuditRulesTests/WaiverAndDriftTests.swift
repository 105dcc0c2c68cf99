import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// Waivers, baselines and drift.
@Suite struct WaiverAndDriftTests {
    let snapshot = T.snapshot(members: [T.apiMember(1, "V360API", role: 1), T.apiMember(2, "Other", role: 1)],
                              roles: [SecurityRole(id: 1, name: "Admin")])

    @Test func activeWaiverMarksTheFindingWaivedAndExpiredOneAddsACaveat() throws {
        let waivers = try WaiverSet.parse("""
            waivers:
              - id: W-1
                rule: api-member-admin-role
                resource: v360api
                reason: Vendor migration in progress
                owner: secops@msp.example
                expires: 2026-11-01
              - id: W-2
                rule: api-member-admin-role
                resource: Other
                reason: old
                expires: 2026-10-31
              - id: W-3
                rule: stale-api-key
                resource: Nobody/key
                reason: unused
            """, fileName: "waivers.yml")
        let result = try T.evaluate(snapshot, waivers: waivers)
        let findings = T.findings(result, "api-member-admin-role")
        let waived = try #require(findings.first { $0.resource.identifier == "V360API" })
        #expect(waived.status == .waived)
        #expect(waived.waiver == WaiverNote(id: "W-1", reason: "Vendor migration in progress",
                                            owner: "secops@msp.example", expires: "2026-11-01"))
        #expect(findings.first { $0.resource.identifier == "Other" }?.status == .open)
        #expect(result.coverage.contains { $0.area == "waiver:W-2" && $0.status == .caveat && $0.detail.contains("expired") })
        #expect(result.coverage.contains { $0.area == "waiver:W-3" && $0.detail.contains("matched no finding") })
        #expect(!result.coverage.contains { $0.area == "waiver:W-1" })
        #expect(result.openFindings(atLeast: .critical).count == 1)
        guard case .failed(let inCase) = T.outcome(result, "api-member-admin-role", "V360API") else {
            Issue.record("expected failed case"); return
        }
        #expect(inCase.status == .waived)
    }

    @Test func waiverFileErrors() {
        #expect(throws: AuditRulesError.self) {
            try WaiverSet.parse("waivers: [{id: W, rule: r, resource: x}]", fileName: "w.yml")
        }
        do {
            _ = try WaiverSet.parse("waivers:\n  - {id: W, rule: r, resource: x, reason: y, expires: 2026-13-01}\n",
                                    fileName: "w.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.description.contains("expires"))
        }
    }

    @Test func driftAndResolvedAgainstABaselineReport() throws {
        let result = try T.evaluate(snapshot)
        let old = Finding(ruleId: "api-member-admin-role", severity: .critical,
                          resource: ResourceRef(kind: .member, id: 9, identifier: "Removed"), message: "m", evidence: .object([]))
        let kept = try #require(result.findings.first { $0.resource.identifier == "Other" && $0.ruleId == "api-member-admin-role" })
        let report = try JSONEncoder().encode(Report(tool: ["name": "v360audit"], findings: [kept, old]))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID()).json")
        try report.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let applied = try Baseline.load(from: url).apply(to: result)
        #expect(applied.hasBaseline)
        let admin = applied.findings.filter { $0.ruleId == "api-member-admin-role" }
        #expect(admin.first { $0.resource.identifier == "Other" }?.drift == .unchanged)
        #expect(admin.first { $0.resource.identifier == "V360API" }?.drift == .new)
        #expect(applied.resolved.map(\.resource.identifier) == ["Removed"])
    }

    @Test func malformedBaselineNamesFileAndLine() throws {
        let error = #expect(throws: AuditRulesError.self) {
            try Baseline.parse(Data("{\n  \"findings\": [\n    {oops}\n  ]\n}".utf8), fileName: "last.json")
        }
        #expect(error?.file == "last.json")
        #expect(error?.line == 3, "\(String(describing: error))")
        let wrong = #expect(throws: AuditRulesError.self) {
            try Baseline.parse(Data("{\"findings\": [{\"ruleId\": 3}]}".utf8), fileName: "last.json")
        }
        #expect(wrong?.description.contains("last.json") == true)
    }

    @Test(arguments: [("{\"a\": [1, 2.5e3, true, null, \"x\\\"y\"], \"b\": {}}", nil),
                      ("{\n\"a\": 1,\n}", 3), ("[1,\n2\n", 3), ("{\"a\" 1}", 1), ("[1,\n nope]", 2)] as [(String, Int?)])
    func jsonErrorLocator(_ text: String, _ line: Int?) {
        #expect(JSONErrorLocator.firstErrorLine(Data(text.utf8)) == line)
    }

    private struct Report: Encodable {
        var tool: [String: String]
        var findings: [Finding]
    }
}
