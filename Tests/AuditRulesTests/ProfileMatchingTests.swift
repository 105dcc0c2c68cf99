import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// Matching that survives real data: descriptions, unmatched profile rows, `feature` rows.
@Suite struct ProfileMatchingTests {
    static let profile = """
        id: widget-sync
        name: Widget Sync
        vendor: Widgets Inc
        source: https://widgets.example/cw-role
        verified: true
        hints: {members: [WidgetAPI], roles: [Widget Role]}
        permissions:
          - { module: Companies, function: Configuration - Display Passwords, inquire: All }
          - { module: Companies, function: Company Maintenance, inquire: All }
          - { module: Companies, function: CRM/Sales Activities, inquire: All, add: All, feature: activities }
        """

    func pack(_ text: String = ProfileMatchingTests.profile) throws -> RulePack {
        try T.withDirectory(["tools/widget-sync.yml": text]) { try RulePack.load(directories: [$0]) }
    }

    func snapshot(_ rows: [RoleSetting], members: [Member] = [T.apiMember(1, "Api", role: 9)]) -> TenantSnapshot {
        T.snapshot(members: members, roles: [SecurityRole(id: 9, name: "R", settings: rows)])
    }

    /// A row whose 10-character name is cut short, the screen label only in the description.
    static let passwordsRow = RoleSetting(
        moduleIdentifier: "Company", moduleName: "Companies", moduleFunctionIdentifier: "CDP",
        moduleFunctionName: "Configurat", moduleDescription: "Companies",
        moduleFunctionDescription: "Configuration - Display Passwords", inquireLevel: PermissionLevel("All"))

    @Test func profileRowsMatchByFunctionDescription() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: widget-sync}]")
        let rows = [Self.passwordsRow, T.row("Companies", "Company Maintenance", "All")]
        let result = try T.evaluate(snapshot(rows), register: register, pack: try pack())
        #expect(T.outcome(result, "api-member-overbroad-role", "Api") == .passed)
        #expect(!result.coverage.contains { $0.detail.contains("Display Passwords matches no") })
    }

    @Test func profileRowsMatchByModuleDescription() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: widget-sync}]")
        let row = RoleSetting(moduleIdentifier: "CO", moduleName: "CO", moduleFunctionName: "Company Maintenance",
                              moduleDescription: "Companies", inquireLevel: PermissionLevel("All"))
        let result = try T.evaluate(snapshot([row, Self.passwordsRow]), register: register, pack: try pack())
        #expect(T.outcome(result, "api-member-overbroad-role", "Api") == .passed)
    }

    @Test func excessNamesTheScreenLabelWhenTheNameIsCutShort() throws {
        let register = try T.register("keys: [{member: Api, description: k, tool: widget-sync}]")
        var row = Self.passwordsRow
        row.editLevel = PermissionLevel("All")
        let result = try T.evaluate(snapshot([row]), register: register, pack: try pack())
        let finding = try #require(T.findings(result, "api-member-overbroad-role").first)
        guard case .list(let items) = T.evidence(finding, "excess"), case .object(let fields) = items.first else {
            Issue.record("no excess list"); return
        }
        #expect(fields.first { $0.key == "function" }?.value == .string("Configuration - Display Passwords"))
        #expect(fields.first { $0.key == "op" }?.value == .string("edit"))
    }

    @Test func aProfileRowNoRoleHasIsOneCaveatNamingTheRow() throws {
        let register = try T.register("""
            keys:
              - {member: Api, description: k, tool: widget-sync}
              - {member: Other, description: k, tool: widget-sync}
            """)
        let members = [T.apiMember(1, "Api", role: 9), T.apiMember(2, "Other", role: 9)]
        let result = try T.evaluate(snapshot([Self.passwordsRow], members: members), register: register, pack: try pack())
        let caveats = result.coverage.filter { $0.area == "tool-profile:widget-sync" && $0.status == .caveat }
        #expect(caveats.count == 2)
        #expect(caveats.contains { $0.detail.contains("Companies / Company Maintenance matches no settings row") })
        #expect(caveats.contains { $0.detail.contains("Companies / CRM/Sales Activities matches no settings row") })
    }

    @Test func noCaveatWithoutRegisterOrForToolsNotInUse() throws {
        let result = try T.evaluate(snapshot([Self.passwordsRow]), pack: try pack())
        #expect(!result.coverage.contains { $0.area == "tool-profile:widget-sync" })
        let other = try T.register("keys: [{member: Api, description: k, tool: cipp}]")
        let withOther = try T.evaluate(snapshot([Self.passwordsRow]), register: other, pack: try pack())
        #expect(!withOther.coverage.contains { $0.area == "tool-profile:widget-sync" })
    }

    static let activitiesRows = [passwordsRow, T.row("Companies", "Company Maintenance", "All"),
                                 T.row("Companies", "CRM/Sales Activities", "All", "All")]

    @Test(arguments: [
        ("keys: [{member: Api, description: k, tool: widget-sync}]", true),
        ("keys: [{member: Api, description: k, tool: widget-sync, features: [activities]}]", true),
        ("keys: [{member: Api, description: k, tool: widget-sync, features: [Activities]}]", true),
        ("keys: [{member: Api, description: k, tool: widget-sync, features: []}]", false),
        ("keys: [{member: Api, description: k, tool: widget-sync, features: [billing]}]", false),
        // One key declaring nothing makes every row count, whatever the other key declares.
        ("keys: [{member: Api, description: a, tool: widget-sync, features: []}, {member: Api, description: b, tool: widget-sync}]", true),
    ])
    func featureRowsCountOnlyWhenDeclaredOrUndeclared(register yaml: String, passes: Bool) throws {
        let result = try T.evaluate(snapshot(Self.activitiesRows), register: try T.register(yaml), pack: try pack())
        let outcome = T.outcome(result, "api-member-overbroad-role", "Api")
        #expect((outcome == .passed) == passes)
        if !passes {
            let finding = try #require(T.findings(result, "api-member-overbroad-role").first)
            guard case .list(let items) = T.evidence(finding, "excess") else { Issue.record("no excess"); return }
            #expect(items.count == 2)
        }
    }

    @Test func needSpecMergesFeaturesPerTool() {
        let spec = NeedSpec(keys: [("B", ["x"]), ("a", nil), ("b", ["y"]), ("a", ["z"])])
        #expect(spec.tools == [NeedSpec.Tool(id: "a", features: nil), NeedSpec.Tool(id: "b", features: ["x", "y"])])
        #expect(NeedSpec(keys: [("a", ["x"]), ("a", ["y"])]) == NeedSpec(keys: [("A", ["y", "x"])]))
    }
}
