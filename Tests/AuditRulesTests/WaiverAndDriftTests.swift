import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// Waivers (required fields, expiry, pinning) and report baselines.
@Suite struct WaiverAndDriftTests {
    let snapshot = T.snapshot(members: [T.apiMember(1, "V360API", role: 1), T.apiMember(2, "Other", role: 1)],
                              roles: [SecurityRole(id: 1, name: "Admin")])

    static func waivers(_ yaml: String) throws -> WaiverSet {
        try WaiverSet.parse(yaml, fileName: "waivers.yml", ruleIds: Set(try T.pack().rules.map(\.id)))
    }

    @Test func activeWaiverMarksTheFindingWaivedAndExpiredOneAddsACaveat() throws {
        // Captured 2026-11-01: W-1 expires that day (still applies), W-2 the day before.
        let waivers = try Self.waivers("""
            waivers:
              - id: W-1
                rule: api-member-admin-role
                resource: v360api
                reason: Vendor migration in progress
                owner: secops@msp.example
                created: 2026-10-01
                expires: 2026-11-01
                ticket: SEC-118
              - {id: W-2, rule: api-member-admin-role, resource: Other, reason: old, owner: a, created: 2026-01-01, expires: 2026-10-31}
              - {id: W-3, rule: stale-api-key, resource: Nobody/key, reason: unused, owner: b, created: 2026-10-01, expires: 2027-01-01}
            """)
        let result = try T.evaluate(snapshot, waivers: waivers)
        let findings = T.findings(result, "api-member-admin-role")
        let waived = try #require(findings.first { $0.resource.identifier == "V360API" })
        #expect(waived.status == .waived)
        #expect(waived.waiver == WaiverNote(id: "W-1", reason: "Vendor migration in progress", owner: "secops@msp.example",
                                            created: "2026-10-01", expires: "2026-11-01", ticket: "SEC-118"))
        #expect(findings.first { $0.resource.identifier == "Other" }?.status == .open)
        #expect(result.coverage.contains { $0.area == "waiver:W-2" && $0.status == .caveat && $0.detail.contains("expired on 2026-10-31") })
        #expect(result.coverage.contains { $0.area == "waiver:W-3" && $0.detail.contains("matched no finding") })
        #expect(!result.coverage.contains { $0.area == "waiver:W-1" })
        #expect(result.openFindings(atLeast: .critical).count == 1)
        guard case .failed(let inCase) = T.outcome(result, "api-member-admin-role", "V360API") else {
            Issue.record("expected failed case"); return
        }
        #expect(inCase.status == .waived)
    }

    @Test func aPinnedWaiverAppliesWhileTheFingerprintMatchesAndLapsesWhenTheRoleGainsARight() throws {
        let rule = "api-member-privilege-escalation"
        let before = T.snapshot(members: [T.apiMember(1, "Bot", role: 5)],
                                roles: [SecurityRole(id: 5, name: "Wide", settings: [T.row("System", "Security Roles", "All", "All")])])
        let finding = try #require(T.findings(try T.evaluate(before), rule).first)
        let pinned = try Self.waivers("""
            waivers:
              - {id: W-9, rule: \(rule), resource: Bot, reason: r, owner: o,
                 created: 2026-10-01, expires: 2027-03-01, fingerprint: \(finding.fingerprint)}
            """)
        let stillWaived = try T.evaluate(before, waivers: pinned)
        #expect(T.findings(stillWaived, rule).first?.status == .waived)
        #expect(T.findings(stillWaived, rule).first?.waiver?.fingerprint == finding.fingerprint)
        #expect(!stillWaived.coverage.contains { $0.area == "waiver:W-9" })

        // The role gains edit on Security Roles: the evidence changes, and so does the fingerprint.
        let after = T.snapshot(members: [T.apiMember(1, "Bot", role: 5)],
                               roles: [SecurityRole(id: 5, name: "Wide", settings: [T.row("System", "Security Roles", "All", "All", "All")])])
        let result = try T.evaluate(after, waivers: pinned)
        let now = try #require(T.findings(result, rule).first)
        #expect(now.fingerprint != finding.fingerprint)
        #expect(now.status == .open)
        #expect(result.openFindings(atLeast: .high).contains { $0.ruleId == rule })
        let caveat = try #require(result.coverage.first { $0.area == "waiver:W-9" })
        #expect(caveat.status == .caveat && caveat.detail.contains("lapsed") && caveat.detail.contains(now.fingerprint))
        #expect(!caveat.detail.contains("matched no finding"))
        // The same waiver without a pin still covers the worse finding: pinning is what makes it lapse.
        let unpinned = try Self.waivers("""
            waivers: [{id: W-9, rule: \(rule), resource: Bot, reason: r, owner: o, created: 2026-10-01, expires: 2027-03-01}]
            """)
        #expect(T.findings(try T.evaluate(after, waivers: unpinned), rule).first?.status == .waived)
    }

    @Test(arguments: [
        ("waivers: [{id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01}]", 1, "missing required key 'expires'"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, expires: 2026-02-01}", 2, "missing required key 'created'"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, created: 2026-01-01, expires: 2026-02-01}", 2, "owner"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, owner: o, created: 2026-01-01, expires: 2026-02-01}", 2, "reason"),
        ("waivers:\n  - {id: W, rule: no-such-rule, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2026-02-01}", 2, "not a rule of the loaded pack"),
        ("waivers:\n  - id: W\n    rule: api-member-admin-role\n    resource: x\n    reason: y\n    owner: o\n    created: 2026-01-01\n    expires: 2027-01-02\n",
         8, "366 days after created"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-03-01, expires: 2026-02-01}", 2, "before created"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2026-13-01}", 2, "expires"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2026-02-01, fingerprint: ABC}", 2, "16 lowercase hex"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2026-02-01, until: x}", 2, "until"),
        ("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2026-02-01}\n  - {id: W, rule: api-member-admin-role, resource: z, reason: y, owner: o, created: 2026-01-01, expires: 2026-02-01}", 3, "duplicate waiver id"),
    ] as [(String, Int, String)])
    func everyInvalidWaiverFileNamesFileAndLine(_ yaml: String, _ line: Int, _ text: String) throws {
        let error = #expect(throws: AuditRulesError.self) { try Self.waivers(yaml) }
        #expect(error?.file == "waivers.yml")
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.description.contains(text) == true, "\(String(describing: error))")
    }

    @Test func aWaiverMayRunExactly365Days() throws {
        let set = try Self.waivers("waivers: [{id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01, expires: 2027-01-01}]")
        #expect(set.waivers.first?.expires.description == "2027-01-01")
    }

    @Test func driftAndResolvedAgainstABaselineReport() throws {
        let result = try T.evaluate(snapshot)
        let old = Finding(ruleId: "api-member-admin-role", severity: .critical,
                          resource: ResourceRef(kind: .member, id: 9, identifier: "Removed"), message: "m", evidence: .object([]))
        let kept = try #require(result.findings.first { $0.resource.identifier == "Other" && $0.ruleId == "api-member-admin-role" })
        let report = try JSONEncoder().encode(Report(format: "v360audit-report", findings: [kept, old]))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID()).json")
        try report.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let applied = try Baseline.load(from: url).apply(to: result, current: snapshot, evaluate: { _ in
            Issue.record("a report baseline is not evaluated")
            return result
        })
        #expect(applied.hasBaseline)
        #expect(applied.changes == nil)
        #expect(applied.coverage.contains { $0.area == "baseline" && $0.detail.contains("need a snapshot baseline") })
        let admin = applied.findings.filter { $0.ruleId == "api-member-admin-role" }
        #expect(admin.first { $0.resource.identifier == "Other" }?.drift == .unchanged)
        #expect(admin.first { $0.resource.identifier == "V360API" }?.drift == .new)
        #expect(applied.resolved.map(\.resource.identifier) == ["Removed"])
    }

    @Test func baselinesAreToldApartByFormat() throws {
        let snapshotData = try SnapshotStore.encode(snapshot)
        guard case .snapshot(let decoded) = try Baseline.parse(snapshotData, fileName: "s.json").source else {
            Issue.record("expected a snapshot baseline"); return
        }
        #expect(decoded == snapshot)
        // A snapshot written before `format` existed is still recognised by its schemaVersion.
        var legacy = try #require(try JSONSerialization.jsonObject(with: snapshotData) as? [String: Any])
        legacy["format"] = nil
        guard case .snapshot = try Baseline.parse(try JSONSerialization.data(withJSONObject: legacy), fileName: "s.json").source else {
            Issue.record("expected a snapshot baseline"); return
        }
        for text in ["{\"format\": \"something-else\", \"findings\": []}", "{\"findings\": []}", "[1, 2]"] {
            let error = #expect(throws: AuditRulesError.self) { try Baseline.parse(Data(text.utf8), fileName: "b.json") }
            #expect(error?.file == "b.json", "\(text)")
        }
        let bad = #expect(throws: AuditRulesError.self) {
            try Baseline.parse(Data("{\"format\": \"v360audit-snapshot\", \"schemaVersion\": 1}".utf8), fileName: "b.json")
        }
        #expect(bad?.description.contains("baseline snapshot") == true, "\(String(describing: bad))")
    }

    @Test func malformedBaselineNamesFileAndLine() throws {
        let error = #expect(throws: AuditRulesError.self) {
            try Baseline.parse(Data("{\n  \"findings\": [\n    {oops}\n  ]\n}".utf8), fileName: "last.json")
        }
        #expect(error?.file == "last.json")
        #expect(error?.line == 3, "\(String(describing: error))")
        #expect(error?.description == "last.json:3: syntax error: not valid JSON at column 6: invalid value")
        let wrong = #expect(throws: AuditRulesError.self) {
            try Baseline.parse(Data("{\"format\": \"v360audit-report\", \"findings\": [{\"ruleId\": 3}]}".utf8), fileName: "last.json")
        }
        #expect(wrong?.description.contains("last.json") == true)
    }

    private struct Report: Encodable {
        var format: String
        var findings: [Finding]
    }
}
