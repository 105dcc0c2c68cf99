import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// "Tool profiles" semantics and the two overbroad rules.
@Suite struct ProfileTests {
    func snapshot(_ rows: [RoleSetting]) -> TenantSnapshot {
        T.snapshot(members: [T.apiMember(1, "Api", role: 9)], roles: [SecurityRole(id: 9, name: "R", settings: rows)])
    }

    @Test func profilesMatchRowsByNameOrIdentifierCaseInsensitively() throws {
        let register = try T.register("keys: [{member: api, description: k, tool: CIPP}]")
        let rows = [T.row("x", "y", "all", nil, " ALL", nil, moduleId: " companies ", functionId: "CONFIGURATIONS"),
                    T.row("Companies", "Company Maintenance", "All")]
        let result = try T.evaluate(snapshot(rows), register: register)
        #expect(T.outcome(result, "api-member-overbroad-role", "Api") == .passed)
    }

    @Test func excessIsListedPerOpInStableOrder() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: cipp}]")
        let rows = [T.row("System", "Security", "All", nil, "My"),
                    T.row("Companies", "Configurations", "All", "All", "All", "Mine"),
                    T.row("Companies", "Company Maintenance", "All")]
        let finding = try #require(T.findings(try T.evaluate(snapshot(rows), register: register), "api-member-overbroad-role").first)
        let excess = try #require(T.evidence(finding, "excess"))
        let expected: EvidenceValue = .list([
            ("Companies", "Configurations", "add", "All", "None"), ("Companies", "Configurations", "delete", "Mine", "None"),
            ("System", "Security", "inquire", "All", "None"), ("System", "Security", "edit", "My", "None"),
        ].map { .object([EvidenceField("module", .string($0.0)), EvidenceField("function", .string($0.1)),
                         EvidenceField("op", .string($0.2)), EvidenceField("granted", .string($0.3)),
                         EvidenceField("needed", .string($0.4))]) })
        #expect(excess == expected)
    }

    @Test func sharedMemberIsJudgedAgainstTheUnionOfItsTools() throws {
        let register = try T.register("""
            keys:
              - {member: Api, description: a, tool: cipp}
              - {member: Api, description: b, tool: msp360}
              - {member: Api, description: c, tool: passportal, retired: true}
            """)
        let union = [T.row("Companies", "Configurations", "All", nil, "All"), T.row("Service Desk", "Service Tickets", "All", "All", "All")]
        let passing = try T.evaluate(snapshot(union), register: register)
        #expect(T.outcome(passing, "shared-member-overbroad-role", "Api") == .passed)
        #expect(T.cases(passing, "api-member-overbroad-role").isEmpty)
        #expect(passing.inventory[0].tools == ["cipp", "msp360"])
        // Passportal would allow deleting configurations, but its key is retired.
        let failing = try T.evaluate(snapshot(union + [T.row("Companies", "Configurations", nil, nil, nil, "All")]), register: register)
        #expect(T.findings(failing, "shared-member-overbroad-role").count == 1)
    }

    @Test func missingProfileIsNotEvaluatedWithCoverageNotAPass() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: mystery-tool}]")
        let result = try T.evaluate(snapshot([T.row("System", "Security", "All", "All", "All", "All")]), register: register)
        #expect(T.isNotEvaluated(T.outcome(result, "api-member-overbroad-role", "Api")))
        #expect(result.coverage.contains { $0.area == "tool-profile:mystery-tool" && $0.status == .notEvaluated })
        #expect(result.complete)
    }

    @Test func unverifiedProfilesInUseAddACaveat() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: cipp}]")
        let result = try T.evaluate(snapshot([]), register: register)
        #expect(result.coverage.contains { $0.area == "tool-profile:cipp" && $0.detail.contains("is not verified") })
        #expect(!result.coverage.contains { $0.area == "tool-profile:msp360" })
    }
}
