import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// "Joining members", "Roles" and "Levels" of docs/design.md's precise semantics.
@Suite struct JoinAndRoleTests {
    let admin = SecurityRole(id: 1, name: "Admin")
    let custom = SecurityRole(id: 2, name: "API - Custom", settings: [T.row("Companies", "Contacts", "All")])

    @Test func licenseClassAIsCaseInsensitiveAndApiMembersJoinOnIdThenIdentifier() throws {
        let snapshot = T.snapshot(
            members: [T.apiMember(1, "LowerA", role: 1, license: " a "),
                      T.apiMember(2, "FullByList", role: 2, license: "F"),
                      T.apiMember(3, "ByName", role: 2, license: "F")],
            apiMembers: [APIMember(id: 2, identifier: "renamed", securityRole: RoleReference(id: 1)),
                         APIMember(id: 77, identifier: "BYNAME"),
                         APIMember(id: 88, identifier: "OnlyApi", securityRole: RoleReference(id: 1))],
            roles: [admin, custom])
        let result = try T.evaluate(snapshot)
        // One inventory row per joined member; the identifier fallback does not duplicate ByName.
        #expect(result.inventory.map(\.member.identifier) == ["ByName", "FullByList", "LowerA", "OnlyApi"])
        // The members record wins for the role: FullByList's apiMembers record says Admin, members says custom.
        #expect(Set(T.findings(result, "api-member-admin-role").map(\.resource.identifier)) == ["LowerA", "OnlyApi"])
    }

    @Test func membersRecordWinsForInactiveFlagAndNullMeansActive() throws {
        let snapshot = T.snapshot(
            members: [T.apiMember(5, "Gone", role: 1, inactive: true), T.apiMember(6, "NullFlag", role: 1, inactive: nil)],
            apiMembers: [APIMember(id: 5, identifier: "Gone", inactiveFlag: false, securityRole: RoleReference(id: 1))],
            roles: [admin])
        let result = try T.evaluate(snapshot)
        #expect(T.findings(result, "api-member-admin-role").map(\.resource.identifier) == ["NullFlag"])
        #expect(T.cases(result, "api-member-admin-role").count == 1)
        #expect(result.inventory.first { $0.member.identifier == "Gone" }?.active == false)
    }

    @Test(arguments: [("Admin", true), (" ADMINISTRATOR ", true), ("Admins", false), ("Admin Helpdesk", false)])
    func adminByTrimmedCaseInsensitiveExactName(_ name: String, _ fires: Bool) throws {
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)], roles: [SecurityRole(id: 9, name: name)])
        #expect(T.findings(try T.evaluate(snapshot), "api-member-admin-role").isEmpty == !fires)
    }

    @Test func adminFlagMakesARoleAdminAndExcludesItFromAdminEquivalent() throws {
        let rows = (0..<10).map { T.row("M", "F\($0)", "All", "All", "All", "All") }
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)],
                                  roles: [SecurityRole(id: 9, name: "Sync", adminFlag: true, settings: rows)])
        let result = try T.evaluate(snapshot)
        #expect(T.findings(result, "api-member-admin-role").count == 1)
        #expect(T.findings(result, "api-member-admin-equivalent-role").isEmpty)
        #expect(result.inventory[0].roleIsAdmin)
    }

    /// 9 all-rows of 10 meets 0.9 exactly; 8 of 9 (0.888…) does not; 7 of 10 meets a 0.7 threshold
    /// (in floating point 7.0/10 < 0.7 is a classic rounding trap).
    @Test(arguments: [(9, 10, "0.9", true), (8, 9, "0.9", false), (7, 10, "0.7", true), (6, 10, "0.7", false),
                      (1, 3, "0.333333333", true), (10, 10, "1", true), (9, 10, "1.0", false)])
    func thresholdIsExactAndInclusive(_ all: Int, _ total: Int, _ threshold: String, _ fires: Bool) throws {
        let rows = (0..<total).map { i in
            i < all ? T.row("M", "F\(i)", "All", nil, "all ", nil) : T.row("M", "F\(i)", "All", "My", nil, nil)
        }
        var pack = try T.pack()
        let index = try #require(pack.rules.firstIndex { $0.id == "api-member-admin-equivalent-role" })
        pack.rules[index].parameters.threshold = try #require(Rational(decimal: threshold))
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)],
                                  roles: [SecurityRole(id: 9, name: "Copy", inactiveFlag: true, settings: rows)])
        let findings = T.findings(try T.evaluate(snapshot, pack: pack), "api-member-admin-equivalent-role")
        #expect(findings.isEmpty == !fires)
    }

    @Test func allRowsNeedOneNonNullOpAndRolesWithoutRowsAreNotEquivalent() throws {
        #expect(!AdminChecks.isAllRow(T.row("M", "F", nil, nil, nil, nil)))
        #expect(!AdminChecks.isAllRow(T.row("M", "F", "", " ", nil, nil)))
        #expect(AdminChecks.isAllRow(T.row("M", "F", nil, " ALL ", nil, nil)))
        #expect(!AdminChecks.isAllRow(T.row("M", "F", "All", "None", nil, nil)))
        #expect(AdminChecks.isAllRow(T.row("M", "F", "All", "Everything", nil, nil)))
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)], roles: [SecurityRole(id: 9, name: "E", settings: [])])
        #expect(T.findings(try T.evaluate(snapshot), "api-member-admin-equivalent-role").isEmpty)
    }

    @Test func unknownLevelCountsAsAllAndAddsCoverage() throws {
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)],
                                  roles: [SecurityRole(id: 9, name: "Odd", settings: [T.row("M", "F", "Superuser")])])
        let result = try T.evaluate(snapshot)
        #expect(T.findings(result, "api-member-admin-equivalent-role").count == 1)
        #expect(result.coverage.contains { $0.status == .caveat && $0.detail.contains("'Superuser'") })
    }
}
