import Foundation
import ManageSimulator
import Testing

/// The demo tenant's data carries what docs/design.md's rules need to fire (the rules themselves are
/// tested elsewhere; these tests pin the data so a fixture edit cannot silently lose a case).
@Suite struct DemoTenantTests {
    let tenant = DemoTenant.fixture

    func member(_ identifier: String) -> JSONValue? {
        tenant.members.first { $0["identifier"]?.stringValue == identifier }
    }

    func settings(ofRole id: Int) -> [JSONValue] { tenant.roleSettings[id] ?? [] }

    func role(named name: String) -> JSONValue? { tenant.securityRoles.first { $0["name"]?.stringValue == name } }

    @Test func hasAboutFortyMembersWithAwkwardNames() {
        #expect((35...45).contains(tenant.members.count))
        let names = tenant.members.compactMap { ($0["firstName"]?.stringValue ?? "") + " " + ($0["lastName"]?.stringValue ?? "") }
        #expect(names.contains { $0.contains("O'Brien") })
        #expect(names.contains { $0.contains("Smith | Jones") })
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(tenant.members.contains { $0["inactiveFlag"] == .null })
        #expect(tenant.members.contains { $0["lastName"] == nil })
        #expect(tenant.members.contains { $0["inactiveFlag"] == true })
    }

    @Test func levelsAreOnlyTheVendorEnumOrNull() {
        let allowed: Set<JSONValue> = ["None", "My", "All", .null]
        for rows in tenant.roleSettings.values {
            for row in rows {
                for key in ["inquireLevel", "addLevel", "editLevel", "deleteLevel"] {
                    #expect(allowed.contains(row[key] ?? "missing"), "\(row[key]?.jsonText ?? "missing") in \(key)")
                }
            }
        }
        #expect(tenant.roleSettings.values.allSatisfy { (60...100).contains($0.count) })
    }

    @Test func adminRoleAndAdminEquivalentRoleAreHeldByAPIMembers() throws {
        let adminSync = try #require(member("AdminSync"))
        #expect(adminSync["licenseClass"] == "A")
        #expect(adminSync["securityRole"]?["name"] == "Admin")
        let power = try #require(role(named: "Power Users"))
        #expect(power["adminFlag"] == false)
        let rows = settings(ofRole: try #require(power["id"]?.intValue))
        let allRows = rows.filter { row in
            let ops = ["inquireLevel", "addLevel", "editLevel", "deleteLevel"].compactMap { row[$0] }.filter { $0 != .null }
            return !ops.isEmpty && ops.allSatisfy { $0 == "All" }
        }
        #expect(allRows.count * 10 >= rows.count * 9)
        #expect(allRows.count < rows.count)
        #expect(member("PowerSync")?["securityRole"]?["id"] == power["id"])
    }

    @Test func overbroadRolesGrantUserAdministration() throws {
        // Passportal's published list asks for Member Maintenance (All), so Integrations has it too.
        for (identifier, functions) in [("Integrations", ["Member Maintenance"]), ("BackupAPI", ["Member Maintenance", "Security Roles"])] {
            let roleId = try #require(member(identifier)?.value(atPath: "securityRole/id")?.intValue)
            for function in functions {
                let row = try #require(settings(ofRole: roleId).first { $0["moduleName"] == "System" && $0["moduleFunctionName"] == .string(function) })
                #expect(row["addLevel"] == "All" && row["editLevel"] == "All" && row["deleteLevel"] == "All")
            }
        }
    }

    @Test func scannerRoleGrantsExactlyOneEdit() async throws {
        try await withSimulator { session throws in
            let rows = try #require(session.get("/system/mySecurity?pageSize=1000").json().arrayValue)
            let grants = rows.filter { row in
                ["addLevel", "editLevel", "deleteLevel"].contains { row[$0] == "My" || row[$0] == "All" }
            }
            #expect(grants.count == 1)
            #expect(grants.first?["moduleFunctionName"] == "Service Tickets")
        }
    }

    @Test func joinCasesExist() {
        #expect(tenant.apiMembers.contains { $0["identifier"] == "cipp-webhook" })
        #expect(member("cipp-webhook") == nil)
        let heldRoles = Set((tenant.members + tenant.apiMembers).compactMap { $0.value(atPath: "securityRole/id")?.intValue })
        #expect(tenant.securityRoles.contains { !heldRoles.contains($0["id"]?.intValue ?? -1) })
        #expect(member("OldSync")?["inactiveFlag"] == true)
        #expect(tenant.integratorLogins.contains { $0["canAccessAllApisFlag"] == true && $0["inactiveFlag"] == false })
    }

    @Test func registerNamesExistingMembersExceptTheMissingOne() {
        let identifiers = Set((tenant.members + tenant.apiMembers).compactMap { $0["identifier"]?.stringValue?.lowercased() })
        let registered = DemoTenant.registerYAML.split(separator: "\n")
            .compactMap { line -> String? in
                let text = line.trimmingCharacters(in: .whitespaces)
                return text.hasPrefix("- member: ") ? String(text.dropFirst("- member: ".count)).lowercased() : nil
            }
        #expect(registered.count >= 10)
        #expect(registered.filter { !identifiers.contains($0) } == ["goneapi"])
        #expect(!registered.contains("zapiersync"))
        #expect(DemoTenant.registerYAML.contains("created: 2024-09-15"))
        #expect(DemoTenant.registerYAML.contains("retired: true"))
    }

    @Test func capturedAtIsTheFixedDemoTime() {
        #expect(ISO8601DateFormatter().string(from: DemoTenant.capturedAt) == "2026-11-01T06:00:00Z")
    }
}
