import Foundation
import Testing
@testable import AuditRules

/// `rules validate` on tool profiles: every schema violation names the file and line.
@Suite struct ProfileFormatTests {
    static func profile(_ extra: String = "", rows: String = "  - { module: Companies, function: Contacts, inquire: All }")
        -> String {
        """
        id: demo-tool
        name: Demo
        vendor: Demo Inc
        source: https://demo.example/role
        verified: false
        \(extra)
        permissions:
        \(rows)
        """
    }

    func load(_ text: String) throws -> RulePack {
        try T.withDirectory(["tools/demo-tool.yml": text]) { try RulePack.load(directories: [$0], includeBundled: false) }
    }

    @Test func allFieldsLoad() throws {
        let text = Self.profile("""
            notes: Customize Table Setup to Service / Service Board.
            references: [https://demo.example/old]
            hints: {members: [DemoAPI], roles: [Demo Role]}
            """, rows: """
              - { module: Companies, function: Contacts, inquire: All }
              - { module: Companies, function: CRM/Sales Activities, inquire: All, add: All, feature: Activities }
            """)
        let profile = try #require(try load(text).tool("DEMO-TOOL"))
        #expect(profile.hints == ToolProfile.Hints(members: ["DemoAPI"], roles: ["Demo Role"]))
        #expect(profile.references == ["https://demo.example/old"])
        #expect(profile.permissions[1].feature == "activities")
        #expect(profile.permissions(for: []).count == 1)
        #expect(profile.permissions(for: nil).count == 2)
        #expect(profile.notes?.hasPrefix("Customize") == true)
    }

    @Test func anEmptyListLoadsForAdminOnlyVendors() throws {
        #expect(try load(Self.profile(rows: "  []")).tool("demo-tool")?.permissions.isEmpty == true)
    }

    @Test(arguments: [
        (profile("hints: {members: [A], groups: [B]}"), 6, "unknown key 'groups'"),
        (profile("colour: red"), 6, "unknown key 'colour'"),
        (profile(rows: "  - { module: Companies, function: Contacts, inquire: Some }"), 8, "must be None, Mine, My or All"),
        (profile(rows: "  - { module: Companies, function: Contacts, inquire: All, scope: x }"), 8, "unknown key 'scope'"),
        (profile(rows: "  - { module: Companies, function: Contacts, inquire: All, feature: 'a b' }"), 8, "'feature' may contain only"),
        (profile(rows: """
              - { module: Companies, function: Contacts, inquire: All }
              - { module: companies, function: CONTACTS, add: All }
            """), 9, "listed twice"),
        (profile("references: [not-a-url]"), 6, "must be http(s) addresses"),
    ])
    func violationsNameFileAndLine(text: String, line: Int, message: String) throws {
        do {
            _ = try load(text)
            Issue.record("loaded: \(text)")
        } catch let error as AuditRulesError {
            #expect(error.file.hasSuffix("tools/demo-tool.yml"))
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func aVerifiedProfileNeedsAWebSourceADraftMayNameARole() throws {
        let text = Self.profile().replacingOccurrences(of: "https://demo.example/role", with: "role 'X' on psa.example")
        #expect(try load(text).tool("demo-tool")?.source == "role 'X' on psa.example")
        let verified = text.replacingOccurrences(of: "verified: false", with: "verified: true")
        #expect(throws: AuditRulesError.self) { try load(verified) }
    }
}
