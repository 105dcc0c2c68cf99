import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// `api-member-privilege-escalation` and `api-member-reads-stored-passwords` (check `sensitive-grant`).
@Suite struct SensitiveGrantTests {
    func snapshot(_ rows: [RoleSetting], roleName: String = "R", adminFlag: Bool? = nil) -> TenantSnapshot {
        T.snapshot(members: [T.apiMember(1, "Api", role: 9), T.apiMember(2, "Human", role: 9, license: "F")],
                   roles: [SecurityRole(id: 9, name: roleName, adminFlag: adminFlag, settings: rows)])
    }

    static let passwords = RoleSetting(moduleIdentifier: "Company", moduleName: "Companies", moduleFunctionName: "Configurat",
                                       moduleFunctionDescription: "Configuration - Display Passwords",
                                       inquireLevel: PermissionLevel("All"))

    @Test func evaluatedWithoutARegisterAndMatchedByDescription() throws {
        let result = try T.evaluate(snapshot([Self.passwords]))
        let finding = try #require(T.findings(result, "api-member-reads-stored-passwords").first)
        #expect(finding.resource.identifier == "Api")
        #expect(T.evidence(finding, "requestedBy") == .list([]))
        #expect(T.evidence(finding, "grants") == .list([.object([
            EvidenceField("module", .string("Companies")), EvidenceField("function", .string("Configuration - Display Passwords")),
            EvidenceField("op", .string("inquire")), EvidenceField("granted", .string("All"))])]))
        // Human members are out of scope.
        #expect(T.findings(result, "api-member-reads-stored-passwords").count == 1)
    }

    @Test func onlyTheListedOpsCount() throws {
        let rows = [T.row("System", "Security Roles", "All", nil, nil, "All"), T.row("System", "Member Maintenance", "All")]
        #expect(T.outcome(try T.evaluate(snapshot(rows)), "api-member-privilege-escalation", "Api") == .passed)
        let edit = [T.row("System", "Security", "None", "None", "My")]
        let finding = try #require(T.findings(try T.evaluate(snapshot(edit)), "api-member-privilege-escalation").first)
        #expect(finding.message.contains("System / Security edit = My"))
    }

    @Test func unknownLevelsCountAsGrants() throws {
        let rows = [T.row("System", "Member Maintenance", "All", "Sometimes")]
        #expect(T.findings(try T.evaluate(snapshot(rows)), "api-member-privilege-escalation").count == 1)
    }

    @Test func adminRolesAreLeftToTheCriticalRuleButAdminEquivalentOnesAreNot() throws {
        let rows = [T.row("System", "Security Roles", "All", "All", "All", "All")]
        #expect(T.findings(try T.evaluate(snapshot(rows, roleName: "admin ")), "api-member-privilege-escalation").isEmpty)
        #expect(T.findings(try T.evaluate(snapshot(rows, adminFlag: true)), "api-member-privilege-escalation").isEmpty)
        let result = try T.evaluate(snapshot(rows, roleName: "Almost Admin"))
        #expect(T.findings(result, "api-member-admin-equivalent-role").count == 1)
        #expect(T.findings(result, "api-member-privilege-escalation").count == 1)
    }

    @Test func requestedByNamesTheToolsWhoseRowsAskForTheGrantFeaturesIncluded() throws {
        let profile = """
            id: pw-tool
            name: PW
            vendor: V
            source: https://v.example/role
            verified: true
            permissions:
              - { module: Companies, function: Configuration - Display Passwords, inquire: All, feature: passwords }
            """
        let pack = try T.withDirectory(["tools/pw-tool.yml": profile]) { try RulePack.load(directories: [$0]) }
        let cases: [(String, [String])] = [
            ("keys: [{member: Api, description: a, tool: pw-tool}, {member: Api, description: b, tool: cipp}]", ["pw-tool"]),
            ("keys: [{member: Api, description: a, tool: pw-tool, features: [passwords]}]", ["pw-tool"]),
            ("keys: [{member: Api, description: a, tool: pw-tool, features: []}]", []),
            ("keys: [{member: Api, description: a, tool: pw-tool, retired: true}]", []),
        ]
        for (yaml, expected) in cases {
            let result = AuditEngine.evaluate(pack: pack, snapshot: snapshot([Self.passwords]),
                                              register: try T.register(yaml), waivers: nil)
            let finding = try #require(T.findings(result, "api-member-reads-stored-passwords").first, "\(yaml)")
            #expect(T.evidence(finding, "requestedBy") == .list(expected.map { .string($0) }), "\(yaml)")
        }
    }

    @Test func parametersAreRequiredAndChecked() throws {
        for parameters in ["parameters: {ops: [add]}", "parameters: {functions: [{module: System, function: X}], ops: [write]}",
                           "parameters: {functions: [{module: System}], ops: [add]}"] {
            let text = T.ruleYAML(id: "custom-sensitive", check: "sensitive-grant", parameters: parameters)
            #expect(throws: AuditRulesError.self) {
                try T.withDirectory(["custom-sensitive.yml": text]) { try RulePack.load(directories: [$0]) }
            }
        }
    }
}
