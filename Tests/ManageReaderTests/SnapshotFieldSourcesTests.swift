import Foundation
import ManageSimulator
import Testing
@testable import ManageReader

/// The read side of the field tables (``SnapshotField``): the API mapping and the generators of
/// test data, each held to the tables, every failure naming the place to fix.
@Suite struct SnapshotFieldSourcesTests {
    /// Table fields a generated tenant (`TenantFixture.generated`) leaves out on purpose: the
    /// benchmarks read it, and these would change the size of what they were measured on. The
    /// random snapshots and the demo tenant carry them.
    static let notGenerated: Set<String> = [
        "Member.lastLogin", "RoleSetting.moduleDescription", "RoleSetting.moduleFunctionDescription", "IntegratorLogin.member",
    ]

    @Test func apiMappingKeepsEveryRequestedField() throws {
        let cases: [(place: String, fields: [SnapshotField], map: (APIObject) throws -> Any)] = [
            ("APIObject.member()", Member.snapshotFields, { try $0.member() }),
            ("APIObject.apiMember()", APIMember.snapshotFields, { try $0.apiMember() }),
            ("APIObject.securityRole()", SecurityRole.snapshotFields, { try $0.securityRole() }),
            ("APIObject.roleSetting()", RoleSetting.snapshotFields, { $0.roleSetting() }),
            ("APIObject.integratorLogin()", IntegratorLogin.snapshotFields, { try $0.integratorLogin() }),
            ("APIObject.mySecurityRow()", RoleSetting.snapshotFields + ScannerSecurity.snapshotFields, { object in
                let row = object.mySecurityRow()
                return ScannerSecurity(member: row.member, settings: [row.setting])
            }),
        ]
        for (place, fields, map) in cases {
            let value = try map(APIObject(raw: Self.apiRecord(fields), index: 0, endpoint: "/test"))
            let notRequested = fields.filter { $0.apiName == nil }.map { "value.\($0.key)" }
            let unset = KeyTemplateTests.unsetPaths(in: value, path: "value").filter { !notRequested.contains($0) }
            #expect(unset == [], "\(place) (APIObject+Models.swift) does not map \(unset) from a record holding every field")
        }
    }

    @Test func randomSnapshotsSetEveryFieldSomewhere() {
        var everSet = Set<String>()
        for seed in SnapshotCodecTests.seeds {
            var generator = RandomSnapshot(seed: seed)
            everSet.formUnion(Self.setPaths(in: generator.snapshot(), path: "snapshot"))
        }
        let all = Set(Self.setPaths(in: SnapshotFieldTableTests.template, path: "snapshot"))
        #expect(all.subtracting(everSet).sorted() == [], "RandomSnapshot (Tests/ManageReaderTests/Support) never sets these")
    }

    @Test func simulatorGeneratorServesEveryRequestedField() throws {
        let tenant = TenantFixture.generated(members: 4, apiMembers: 2, roles: 2, settingsPerRole: 1, integratorLogins: 1)
        let records: [(name: String, record: JSONValue?, fields: [SnapshotField])] = [
            ("Member", tenant.members.first, Member.snapshotFields),
            ("APIMember", tenant.apiMembers.first, APIMember.snapshotFields),
            ("SecurityRole", tenant.securityRoles.first, SecurityRole.snapshotFields),
            ("RoleSetting", tenant.roleSettings[1]?.first, RoleSetting.snapshotFields),
            ("IntegratorLogin", tenant.integratorLogins.first, IntegratorLogin.snapshotFields),
        ]
        for (name, record, fields) in records {
            let record = try #require(record, "the generated tenant has no \(name)")
            for field in fields where !Self.notGenerated.contains("\(name).\(field.key)") {
                guard let apiName = field.apiName else { continue }
                let value = record[apiName]
                #expect(value != nil,
                        "TenantFixture.generated does not serve \(name).\(apiName): serve it, or list it in notGenerated with why")
                if case .object(let nested) = field.kind, let value {
                    let missing = nested.compactMap(\.apiName).filter { value[$0] == nil }
                    #expect(missing == [], "TenantFixture.generated serves \(name).\(apiName) without \(missing)")
                }
            }
        }
    }

    /// An API record holding a value for every field the table requests.
    static func apiRecord(_ fields: [SnapshotField]) -> [String: Any] {
        var record: [String: Any] = [:]
        for field in fields {
            guard let name = field.apiName else { continue }
            switch field.kind {
            case .int: record[name] = 7
            case .string, .date: record[name] = "2026-11-01T06:00:00Z"
            case .bool: record[name] = true
            case .level: record[name] = "All"
            case .stringMap: record[name] = ["lastUpdated": "2026-11-01T06:00:00Z"]
            case .object(let nested): record[name] = apiRecord(nested)
            case .list: continue
            }
        }
        return record
    }

    /// The paths (list positions left out) of every value that is set, found with `Mirror`.
    static func setPaths(in value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [] }
            return setPaths(in: wrapped, path: path)
        case .collection:
            return mirror.children.flatMap { setPaths(in: $0.value, path: "\(path)[]") }
        case .struct where !(value is Date):
            return [path] + mirror.children.flatMap { setPaths(in: $0.value, path: "\(path).\($0.label ?? "?")") }
        default:
            // Scalars, dates, enums and the `info` map: set as a whole.
            return [path]
        }
    }
}
