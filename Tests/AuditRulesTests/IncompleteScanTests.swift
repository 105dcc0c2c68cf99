import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// "Not evaluated vs incomplete" and "Incomplete scans".
@Suite struct IncompleteScanTests {
    @Test func roleIdMissingFromTheRoleListIsAnErrorAndIncomplete() throws {
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 404)], roles: [SecurityRole(id: 1, name: "Admin")])
        let result = try T.evaluate(snapshot)
        #expect(!result.complete)
        guard case .error(let endpoint, _, let detail) = T.outcome(result, "api-member-admin-role", "Api") else {
            Issue.record("expected an error case"); return
        }
        #expect(endpoint == "/system/securityroles" && detail.contains("404"))
        #expect(result.coverage.contains { $0.area == "security-roles" && $0.status == .missing })
    }

    @Test func failedRoleSettingsReadIsAnErrorForThatMemberOnly() throws {
        let gap = ReadGap(area: .roleSettings, endpoint: "/system/securityRoles/9/settings", status: 503, roleId: 9,
                          detail: "503 Service Unavailable after 5 attempts")
        let snapshot = T.snapshot(members: [T.apiMember(1, "Broken", role: 9), T.apiMember(2, "Fine", role: 8)],
                                  roles: [SecurityRole(id: 9, name: "R9", settings: nil),
                                          SecurityRole(id: 8, name: "R8", settings: [])], gaps: [gap])
        let result = try T.evaluate(snapshot)
        #expect(T.outcome(result, "api-member-admin-equivalent-role", "Broken")
            == .error(endpoint: gap.endpoint, status: 503, detail: gap.detail))
        #expect(T.outcome(result, "api-member-admin-equivalent-role", "Fine") == .passed)
        // Admin by name needs no settings, so that rule still judges the member.
        #expect(T.outcome(result, "api-member-admin-role", "Broken") == .passed)
        #expect(!result.complete)
        #expect(result.coverage.contains { $0.area == "role-settings" && $0.status == .missing && $0.detail.contains("503") })
    }

    @Test func failedMemberListGivesARuleLevelErrorCaseAndRulesStillRunOnWhatWasRead() throws {
        let gap = ReadGap(area: .members, endpoint: "/system/members", status: 403, detail: "403 Forbidden")
        let snapshot = T.snapshot(apiMembers: [APIMember(id: 3, identifier: "Seen", securityRole: RoleReference(id: 1))],
                                  roles: [SecurityRole(id: 1, name: "Admin")], gaps: [gap])
        let register = try T.register("keys: [{member: Unknown, description: k, tool: cipp}]")
        let result = try T.evaluate(snapshot, register: register)
        #expect(T.isError(T.outcome(result, "api-member-admin-role", "/system/members")))
        #expect(T.findings(result, "api-member-admin-role").map(\.resource.identifier) == ["Seen"])
        // "No such member" cannot be concluded from a partial member list.
        #expect(T.isError(T.outcome(result, "orphaned-api-key", "Unknown/k")))
        #expect(!result.complete)
    }

    @Test func missingScannerDataIsAnErrorWhenTheReadFailed() throws {
        let gap = ReadGap(area: .mySecurity, endpoint: "/system/mySecurity", status: 500, detail: "500")
        let failed = try T.evaluate(T.snapshot(gaps: [gap]))
        #expect(T.isError(T.cases(failed, "scanner-key-not-read-only").first?.outcome))
        let absent = try T.evaluate(T.snapshot())
        #expect(T.isNotEvaluated(T.cases(absent, "scanner-key-not-read-only").first?.outcome))
    }

    @Test func casesAndFindingsAreSortedAndPassingCasesIncluded() throws {
        let snapshot = T.snapshot(members: [T.apiMember(3, "zeta", role: 1), T.apiMember(1, "Alpha", role: 1),
                                            T.apiMember(2, "beta", role: 2)],
                                  roles: [SecurityRole(id: 1, name: "Admin"), SecurityRole(id: 2, name: "Ok", settings: [])])
        let result = try T.evaluate(snapshot)
        #expect(T.cases(result, "api-member-admin-role").map(\.resource.identifier) == ["Alpha", "beta", "zeta"])
        #expect(T.cases(result, "api-member-admin-role")[1].outcome == .passed)
        #expect(result.rules.map(\.rule.id) == result.rules.map(\.rule.id).sorted())
        let keys = result.findings.map { "\($0.ruleId)|\($0.resource.identifier.lowercased())" }
        #expect(keys == keys.sorted())
        #expect(result.inventory.map(\.member.identifier) == ["Alpha", "beta", "zeta"])
        let again = try T.evaluate(snapshot)
        #expect(again.findings == result.findings && again.coverage == result.coverage)
    }
}
