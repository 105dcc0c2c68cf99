import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// The least-privilege plan: every branch of docs/design.md's "Least-privilege plan".
@Suite struct PlanTests {
    static let profiles = [
        "tools/alpha.yml": """
            id: alpha
            name: Alpha
            vendor: A
            source: https://a.example/role
            verified: true
            permissions:
              - { module: Companies, function: Company Maintenance, inquire: All }
              - { module: Service Desk, function: Service Tickets, inquire: All, add: All }
              - { module: Companies, function: CRM/Sales Activities, inquire: All, add: All, feature: activities }
            """,
        "tools/beta.yml": """
            id: beta
            name: Beta
            vendor: B
            source: https://b.example/role
            verified: true
            permissions:
              - { module: companies, function: company maintenance, inquire: All, edit: My }
              - { module: Finance, function: Agreements, inquire: All }
            """,
    ]

    static func pack() throws -> RulePack {
        try T.withDirectory(profiles) { try RulePack.load(directories: [$0]) }
    }

    static let broadRows = [
        T.row("Companies", "Company Maintenance", "All", "All", "All", "All"),
        T.row("Service Desk", "Service Tickets", "All", "All", "All", "All"),
        T.row("Companies", "CRM/Sales Activities", "All", "All"),
        T.row("Finance", "Agreements", "All"),
        T.row("Finance", "Invoicing", "Sometimes", "None", "None", "None"),
    ]

    func evaluate(_ members: [Member], roles: [SecurityRole], register: String, waivers: WaiverSet? = nil) throws
        -> (AuditResult, TenantSnapshot, KeyRegister) {
        let snapshot = T.snapshot(members: members, roles: roles)
        let register = try T.register(register)
        return (AuditEngine.evaluate(pack: try Self.pack(), snapshot: snapshot, register: register, waivers: waivers),
                snapshot, register)
    }

    @Test func aRoleHeldOnlyByMembersWithTheSameNeedsIsLoweredInPlace() throws {
        let (result, _, _) = try evaluate(
            [T.apiMember(1, "A1", role: 9), T.apiMember(2, "a0", role: 9), T.apiMember(3, "Gone", role: 9, inactive: true)],
            roles: [SecurityRole(id: 9, name: "Shared", settings: Self.broadRows)],
            register: "keys: [{member: A1, description: k, tool: alpha}, {member: a0, description: k, tool: ALPHA}]")
        #expect(result.plan.count == 1)
        let entry = try #require(result.plan.first)
        #expect(entry.action == .lowerRole && entry.roleId == 9 && entry.roleName == "Shared")
        #expect(entry.members == ["a0", "A1"])
        #expect(entry.tools == ["alpha"])
        #expect(entry.member == nil && entry.grants == nil)
        let changes = try #require(entry.changes).map { "\($0.module)/\($0.function) \($0.op): \($0.from)→\($0.to)" }
        #expect(changes == [
            "Companies/Company Maintenance add: All→None", "Companies/Company Maintenance edit: All→None",
            "Companies/Company Maintenance delete: All→None", "Finance/Agreements inquire: All→None",
            // An unknown level string is named as written.
            "Finance/Invoicing inquire: Sometimes→None",
            "Service Desk/Service Tickets edit: All→None", "Service Desk/Service Tickets delete: All→None",
        ])
    }

    @Test(arguments: [
        ("Admin role", "Admin", [T.apiMember(1, "A1", role: 9)], "keys: [{member: A1, description: k, tool: alpha}]"),
        ("a human holds it too", "Shared", [T.apiMember(1, "A1", role: 9), T.apiMember(2, "Person", role: 9, license: "F")],
         "keys: [{member: A1, description: k, tool: alpha}]"),
        ("another tool set", "Shared", [T.apiMember(1, "A1", role: 9), T.apiMember(2, "B1", role: 9)],
         "keys: [{member: A1, description: k, tool: alpha}, {member: B1, description: k, tool: beta}]"),
        ("other features", "Shared", [T.apiMember(1, "A1", role: 9), T.apiMember(2, "A2", role: 9)],
         "keys: [{member: A1, description: k, tool: alpha}, {member: A2, description: k, tool: alpha, features: []}]"),
        ("an unregistered API member", "Shared", [T.apiMember(1, "A1", role: 9), T.apiMember(2, "Nobody", role: 9)],
         "keys: [{member: A1, description: k, tool: alpha}]"),
        ("a member without a profile", "Shared", [T.apiMember(1, "A1", role: 9), T.apiMember(2, "M1", role: 9)],
         "keys: [{member: A1, description: k, tool: alpha}, {member: M1, description: k, tool: mystery}]"),
    ])
    func otherwiseEachPlannedMemberGetsANewRole(why: String, roleName: String, members: [Member], register: String) throws {
        let (result, _, _) = try evaluate(members, roles: [SecurityRole(id: 9, name: roleName, settings: Self.broadRows)],
                                          register: register)
        #expect(!result.plan.isEmpty, "\(why)")
        #expect(result.plan.allSatisfy { $0.action == .newRole && $0.roleId == 9 && $0.changes == nil }, "\(why)")
        let planned = result.plan.compactMap(\.member)
        #expect(planned == planned.sorted { $0.lowercased() < $1.lowercased() }, "\(why)")
        #expect(planned.contains("A1"), "\(why)")
        #expect(!planned.contains("Nobody") && !planned.contains("M1") && !planned.contains("Person"), "\(why)")
    }

    @Test func aNewRoleHoldsExactlyTheMembersNeedsMergedAcrossTools() throws {
        let (result, _, _) = try evaluate(
            [T.apiMember(1, "Both", role: 1)], roles: [SecurityRole(id: 1, name: "Admin", settings: Self.broadRows)],
            register: "keys: [{member: Both, description: a, tool: beta}, {member: Both, description: b, tool: alpha, features: []}]")
        let entry = try #require(result.plan.first { $0.member == "Both" })
        #expect(entry.tools == ["alpha", "beta"])
        let grants = try #require(entry.grants).map { "\($0.module)/\($0.function) i=\($0.inquire) a=\($0.add) e=\($0.edit) d=\($0.delete)" }
        // alpha's spelling wins (first in tool-id order); its feature row is left out (features: []).
        #expect(grants == ["Companies/Company Maintenance i=All a=None e=My d=None",
                           "Service Desk/Service Tickets i=All a=All e=None d=None",
                           "Finance/Agreements i=All a=None e=None d=None"])
    }

    @Test func rowsNamedOnlyByDescriptionArePlannedByTheirScreenLabel() throws {
        let cut = RoleSetting(moduleName: "Finance", moduleFunctionName: "Agreements", inquireLevel: PermissionLevel("All"))
        let label = RoleSetting(moduleName: "Companies", moduleFunctionName: "Company Ma",
                                moduleFunctionDescription: "Company Maintenance", addLevel: PermissionLevel("All"),
                                inquireLevel: PermissionLevel("All"))
        let (result, _, _) = try evaluate([T.apiMember(1, "B1", role: 9)], roles: [SecurityRole(id: 9, name: "R", settings: [cut, label])],
                                          register: "keys: [{member: B1, description: k, tool: beta}]")
        #expect(result.plan.first?.changes == [PlanEntry.Change(module: "Companies", function: "Company Maintenance",
                                                                op: "add", from: "All", to: "None")])
    }

    @Test func waivedFindingsAreNotPlanned() throws {
        let waivers = try WaiverAndDriftTests.waivers("""
            waivers:
              - {id: W1, rule: api-member-overbroad-role, resource: A1, reason: accepted, owner: me, created: 2026-10-01, expires: 2027-01-01}
            """)
        let (result, _, _) = try evaluate([T.apiMember(1, "A1", role: 9)], roles: [SecurityRole(id: 9, name: "R", settings: Self.broadRows)],
                                          register: "keys: [{member: A1, description: k, tool: alpha}]", waivers: waivers)
        #expect(result.findings.contains { $0.status == .waived })
        #expect(result.plan.isEmpty)
    }

    @Test func applyingThePlanLeavesNoOverbroadFindingAndBreaksNoOne() throws {
        let members = [T.apiMember(1, "A1", role: 9), T.apiMember(2, "A2", role: 9), T.apiMember(3, "B1", role: 8),
                       T.apiMember(4, "Person", role: 8, license: "F"), T.apiMember(5, "Both", role: 1)]
        let roles = [SecurityRole(id: 1, name: "Admin", settings: Self.broadRows),
                     SecurityRole(id: 8, name: "Mixed", settings: Self.broadRows),
                     SecurityRole(id: 9, name: "Alpha", settings: Self.broadRows)]
        let (before, snapshot, register) = try evaluate(members, roles: roles, register: """
            keys:
              - {member: A1, description: k, tool: alpha}
              - {member: A2, description: k, tool: alpha}
              - {member: B1, description: k, tool: beta}
              - {member: Both, description: a, tool: alpha, features: [activities]}
              - {member: Both, description: b, tool: beta}
            """)
        #expect(Set(before.plan.map(\.action)) == [.lowerRole, .newRole])
        let applied = PlanApplier.apply(before.plan, to: snapshot)
        let after = AuditEngine.evaluate(pack: try Self.pack(), snapshot: applied, register: register, waivers: nil)
        #expect(!after.findings.contains { $0.ruleId.hasSuffix("overbroad-role") }, "\(after.findings.map(\.resource.identifier))")
        #expect(after.plan.isEmpty)
        let pack = try Self.pack()
        #expect(PlanApplier.metNeeds(snapshot, pack: pack, register: register)
            .isSubset(of: PlanApplier.metNeeds(applied, pack: pack, register: register)))
    }
}
