import ManageSimulator
import Testing

/// A read without `fields=` gets objects as a real server returns them: every property the vendor
/// schema marks `required` is there (client libraries generated from the spec refuse an object
/// without one), members carry the enums a real member always has, and every value conforms to
/// the schema (enum values allowed, types right). Checked over HTTP for every list the simulator
/// serves, for the built-in tenants.
@Suite struct FullReadTests {
    struct Tenant: CustomTestStringConvertible, Sendable {
        var name: String
        var fixture: TenantFixture
        var testDescription: String { name }
    }

    /// `DemoTenant.nextNight` is left out on purpose: it re-spells one level ` all ` to test that the
    /// reader does not report a re-spelling as a change, which no schema-conforming server sends.
    static let tenants: [Tenant] = [
        Tenant(name: "demo", fixture: DemoTenant.fixture),
        Tenant(name: "generated", fixture: .generated(members: 60, apiMembers: 8, roles: 4, settingsPerRole: 12, integratorLogins: 9)),
    ]

    /// Properties outside the 2025.8 `required` list that every real member has: the invoicing
    /// display options earlier spec versions marked required (clients generated from those refuse
    /// a member without them). `licenseClass` is in the `required` list itself.
    static let memberAlwaysHas = ["agreementInvoicingDisplayOptions", "invoiceScreenDefaultTabFormat", "invoicingDisplayOptions"]

    /// The one known gap: the demo's `jdoe` and its API members have no `lastName`, which `Member`
    /// requires. The reader requests `lastName`, so giving them one changes what a demo scan reads
    /// and the committed example reports (their snapshot SHA-256), which must stay as they are.
    /// Only this property of only these members is let through; ``theKnownGapIsStillAGap`` fails
    /// once they get a last name, so the list cannot outlive the gap.
    static let demoMembersWithoutLastName: Set<Int> = Set([117] + Array(201...212) + [214])

    /// `(path, schema)` of every list the tenant serves, settings once per role.
    static func lists(_ fixture: TenantFixture) -> [(path: String, schema: String)] {
        let roleIds = fixture.securityRoles.compactMap { $0["id"]?.intValue }.sorted()
        return [("/system/members", "Member"), ("/system/apiMembers", "ApiMember"), ("/system/securityroles", "SecurityRole"),
                ("/system/integratorlogins", "IntegratorLogin")]
            + roleIds.map { ("/system/securityRoles/\($0)/settings", "SecurityRoleSetting") }
    }

    @Test(arguments: tenants)
    func everyObjectHasItsRequiredPropertiesAndConforms(_ tenant: Tenant) async throws {
        let checker = try SchemaChecker.vendorExcerpt()
        try await withSimulator(tenant.fixture) { session throws in
            var problems: [String] = []
            for (path, schema) in Self.lists(tenant.fixture) {
                let rows = try session.allPages(path + "?pageSize=1000").flatMap { try #require($0.json().arrayValue) }
                #expect(rows.count == Self.served(path, by: tenant.fixture), "\(path): every object, and nothing else")
                for (index, row) in rows.enumerated() {
                    let here = "\(path)[\(index)]"
                    problems += checker.problems(row, schema: schema, path: here)
                    problems += checker.missingProperties(row, schema: schema, also: schema == "Member" ? Self.memberAlwaysHas : [], path: here)
                        .filter { !(schema == "Member" && Self.isKnownGap(row, problem: $0)) }
                }
            }
            let count = problems.count
            #expect(count == 0, "\(count) problems, the first ones:\n\(problems.prefix(12).joined(separator: "\n"))")
        }
    }

    @Test func theKnownGapIsStillAGap() {
        let lacking = Set(DemoTenant.fixture.members.filter { $0["lastName"] == nil }.compactMap { $0["id"]?.intValue })
        #expect(lacking == Self.demoMembersWithoutLastName, "update demoMembersWithoutLastName (and remove it once empty)")
    }

    @Test func membersCarryTheRealServersReferenceObjects() async throws {
        try await withSimulator { session throws in
            let rows = try #require(try session.get("/system/members?pageSize=1000").json().arrayValue)
            for row in rows {
                for key in ["structureLevel", "securityLocation", "defaultLocation", "defaultDepartment", "timeZone"] {
                    // {id, name, _info} as the API reference shows reference objects.
                    #expect(row[key]?["id"]?.intValue != nil && row[key]?["name"]?.stringValue != nil
                            && row[key]?["_info"]?.objectValue != nil, "\(row["identifier"]?.jsonText ?? "?").\(key)")
                }
            }
        }
    }

    /// With `fields=`, the reader's field list still gets exactly those fields: the server-filled
    /// properties never leak into a trimmed read.
    @Test func aFieldedReadGetsOnlyTheFieldsAskedFor() async throws {
        try await withSimulator { session throws in
            let fields = "id,identifier,firstName,lastName,licenseClass,inactiveFlag,securityRole/id,securityRole/name,adminFlag,lastLogin,_info"
            let rows = try #require(try session.get("/system/members?pageSize=1000&fields=\(fields)").json().arrayValue)
            let allowed: Set<String> = ["id", "identifier", "firstName", "lastName", "licenseClass", "inactiveFlag", "securityRole", "adminFlag", "lastLogin", "_info"]
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { Set(($0.objectValue ?? [:]).keys).isSubset(of: allowed) })
            #expect(rows.allSatisfy { Set(($0["securityRole"]?.objectValue ?? [:]).keys).isSubset(of: ["id", "name"]) })
            #expect(!rows.contains { $0["invoicingDisplayOptions"] != nil || $0["hireDate"] != nil })
        }
    }

    // MARK: - The required check itself can fail

    @Test func missingRequiredPropertiesAreReported() throws {
        let checker = try SchemaChecker.vendorExcerpt()
        let member = try JSONValue.parse(#"{"id": 1, "identifier": "x", "licenseClass": "F", "firstName": "A", "lastName": null}"#)
        let missing = checker.missingProperties(member, schema: "Member", also: Self.memberAlwaysHas)
        #expect(missing.count == 7, "\(missing)")  // hireDate, defaultEmail, defaultPhone, securityRole + the three options
        #expect(missing.contains { $0.contains("hireDate") } && missing.contains { $0.contains("invoicingDisplayOptions") })
        #expect(!missing.contains { $0.contains("lastName") }, "null is present; nullability is checked by problems()")
        #expect(checker.missingProperties(try JSONValue.parse(#"{"id": 3}"#), schema: "IntegratorLogin") == ["$.username: missing (IntegratorLogin requires it)"])
        #expect(checker.missingProperties(try JSONValue.parse(#"{"name": "R"}"#), schema: "SecurityRole").isEmpty)
    }

    private static func isKnownGap(_ row: JSONValue, problem: String) -> Bool {
        problem.hasSuffix(".lastName: missing (Member requires it)") && demoMembersWithoutLastName.contains(row["id"]?.intValue ?? -1)
    }

    private static func served(_ path: String, by fixture: TenantFixture) -> Int {
        switch path {
        case "/system/members": fixture.members.count
        case "/system/apiMembers": fixture.apiMembers.count
        case "/system/securityroles": fixture.securityRoles.count
        case "/system/integratorlogins": fixture.integratorLogins.count
        default: fixture.roleSettings[Int(path.split(separator: "/")[2]) ?? 0]?.count ?? 0
        }
    }
}
