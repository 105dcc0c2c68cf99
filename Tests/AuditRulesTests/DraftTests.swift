import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// `register draft` and `profiles draft` as pure functions of a snapshot and a pack.
@Suite struct DraftTests {
    static let profile = """
        id: widget-sync
        name: Widget Sync
        vendor: Widgets Inc
        source: https://widgets.example/cw-role
        verified: true
        hints: {members: [WidgetAPI], roles: ["Widget: Sync"]}
        permissions:
          - { module: Companies, function: Company Maintenance, inquire: All }
          - { module: Service Desk, function: Service Tickets, inquire: All, add: All }
        """

    func pack() throws -> RulePack {
        try T.withDirectory(["tools/widget-sync.yml": Self.profile]) { try RulePack.load(directories: [$0]) }
    }

    static let exactRows = [T.row("Companies", "Company Maintenance", "All", "None", nil, "None"),
                            T.row("Service Desk", "Service Tickets", "All", "All"),
                            T.row("System", "Security Roles", "None", "None", "None", "None")]

    func tenant() -> TenantSnapshot {
        T.snapshot(
            members: [T.apiMember(1, "WidgetAPI", role: 1), T.apiMember(2, "exact-one", role: 2),
                      T.apiMember(3, "by-role", role: 3), T.apiMember(4, "unknown", role: 4),
                      T.apiMember(5, "Gone", role: 2, inactive: true), T.apiMember(6, "human", role: 2, license: "F")],
            roles: [SecurityRole(id: 1, name: "Everything", settings: [T.row("System", "Security Roles", "All", "All", "All", "All")]),
                    SecurityRole(id: 2, name: "Exact", settings: Self.exactRows),
                    SecurityRole(id: 3, name: " widget: sync ", settings: []),
                    SecurityRole(id: 4, name: "More", settings: Self.exactRows + [T.row("Finance", "Invoicing", "All")])])
    }

    @Test func guessesFromHintsThenExactRolesThenTODO() throws {
        let draft = RegisterDraft(pack: try pack(), snapshot: tenant())
        #expect(draft.entries.map(\.member) == ["by-role", "exact-one", "unknown", "WidgetAPI"])
        #expect(draft.entries.map(\.tool) == ["widget-sync", "widget-sync", nil, "widget-sync"])
        #expect(draft.entries[0].reason.contains("role name 'Widget: Sync'"))
        #expect(draft.entries[1].reason.contains("grants exactly what the widget-sync profile lists"))
        #expect(draft.entries[2].reason.contains("matches no profile's list exactly"))
        #expect(draft.entries[3].reason.contains("member name 'WidgetAPI'"))
    }

    @Test func theDraftLoadsAsARegisterWithOneCommentPerEntry() throws {
        let draft = RegisterDraft(pack: try pack(), snapshot: tenant())
        let register = try KeyRegister.parse(draft.yaml, fileName: "draft.yml")
        #expect(register.keys.map(\.member) == draft.entries.map(\.member))
        #expect(register.keys.map(\.tool) == ["widget-sync", "widget-sync", "TODO", "widget-sync"])
        #expect(register.keys.allSatisfy { $0.description == "TODO" && $0.owner == "TODO" && $0.features == nil })
        let comments = draft.yaml.split(separator: "\n").filter { $0.hasPrefix("  # ") }
        #expect(comments.count == 4)
        // Scanning with it: TODO tools are "not evaluated", the rest judged.
        let result = AuditEngine.evaluate(pack: try pack(), snapshot: tenant(), register: register, waivers: nil)
        #expect(T.isNotEvaluated(T.outcome(result, "api-member-overbroad-role", "unknown")))
        #expect(T.outcome(result, "api-member-overbroad-role", "exact-one") == .passed)
        #expect(T.outcome(result, "unregistered-api-member", "unknown") == .passed)
    }

    @Test func awkwardIdentifiersAreQuotedAndStillLoad() throws {
        let snapshot = T.snapshot(members: [T.apiMember(1, "a: b # c", role: 1), T.apiMember(2, "true", role: 1),
                                            T.apiMember(3, "-dash\nnewline", role: 1)],
                                  roles: [SecurityRole(id: 1, name: "R", settings: [])])
        let draft = RegisterDraft(pack: try pack(), snapshot: snapshot)
        let register = try KeyRegister.parse(draft.yaml, fileName: "draft.yml")
        #expect(Set(register.keys.map(\.member)) == ["a: b # c", "true", "-dash\nnewline"])
    }

    @Test func aProfileDraftRoundTripsToNoExcess() throws {
        let rows = [T.row("Companies", "Company Maintenance", "All", "My", " all ", nil),
                    T.row("Service Desk", "Service Tickets, Merge", "Mine"),
                    T.row("Finance", "Invoicing", "None", "None", "None", "None"),
                    T.row("System", "Table Setup", "Weird"),
                    RoleSetting(moduleIdentifier: "Company", moduleName: "Companies", moduleFunctionName: "Configurat",
                                moduleFunctionDescription: "Configuration - Display Passwords", inquireLevel: PermissionLevel("All"))]
        let role = SecurityRole(id: 7, name: "Tool: X & Y", settings: rows)
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 7)], roles: [role])
        let draft = ProfileDraft(role: role, snapshot: snapshot)
        #expect(draft.id == "tool-x-y")
        #expect(draft.permissions.count == 4)
        #expect(draft.yaml.contains("source: \"role 'Tool: X & Y' (id 7) on api-na.example.test, captured 2026-11-01\""))
        let pack = try T.withDirectory(["tools/tool-x-y.yml": draft.yaml]) { try RulePack.load(directories: [$0]) }
        let profile = try #require(pack.tool("tool-x-y"))
        #expect(!profile.verified)
        #expect(profile.permissions.map(\.function) == ["Company Maintenance", "Service Tickets, Merge", "Table Setup",
                                                        "Configuration - Display Passwords"])
        let register = try T.register("keys: [{member: Api, description: k, tool: tool-x-y}]")
        let result = AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil)
        #expect(T.outcome(result, "api-member-overbroad-role", "Api") == .passed)
        #expect(!result.coverage.contains { $0.detail.contains("matches no settings row") })
    }
}
