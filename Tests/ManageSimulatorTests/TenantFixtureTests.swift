import Foundation
import ManageSimulator
import Testing

@Suite struct TenantFixtureTests {
    func write(_ text: String, name: String = "tenant.json") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func demoTenantRoundTripsThroughAFile() throws {
        let url = try write(DemoTenant.fixture.fileDocument.jsonText)
        #expect(try TenantFixture.load(from: url) == DemoTenant.fixture)
    }

    static let minimal = #"""
        {"format": "v360audit-tenant-fixture/1", "companyName": "X",
         "credentials": {"companyId": "c", "publicKey": "p", "privateKey": "k", "clientId": "i"},
         "scannerMemberIdentifier": "s", "members": [MEMBERS], "apiMembers": [], "securityRoles": [],
         "roleSettings": {}, "integratorLogins": []}
        """#

    @Test(arguments: [
        (minimal.replacingOccurrences(of: "MEMBERS", with: #"{"id": 1, "identifier": "a"}"#), ""),
        (minimal.replacingOccurrences(of: "MEMBERS", with: #"{"id": "1", "identifier": "a"}"#), "members[0].id: expected an integer, found string"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: #"{"id": 1}"#), "members[0].identifier: expected a string, found nothing"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: #"{"id": 1, "identifier": "a"}, {"id": 1, "identifier": "b"}"#), "members[1].id: duplicate id 1"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: "").replacingOccurrences(of: "\"roleSettings\": {}", with: "\"roleSettings\": {\"x\": []}"), "roleSettings.x: key must be an integer role id"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: "").replacingOccurrences(of: "\"companyName\"", with: "\"company\""), "company: unknown key"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: "").replacingOccurrences(of: "tenant-fixture/1", with: "tenant-fixture/9"), "format: unsupported format"),
        (minimal.replacingOccurrences(of: "MEMBERS", with: "{\"id\": 1,}"), ":3:55: invalid JSON: expected a key string"),
    ])
    func loadErrorsNameTheFileAndTheProblem(_ text: String, _ expected: String) throws {
        let url = try write(text, name: "broken-tenant.json")
        if expected.isEmpty {
            #expect(try TenantFixture.load(from: url).members.count == 1)
            return
        }
        let error = try #require(throws: SimulatorError.self) { try TenantFixture.load(from: url) }
        #expect(error.description.hasPrefix(url.path))
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test func missingFileIsAnUnreadableFileError() {
        let url = URL(fileURLWithPath: "/nonexistent/tenant.json")
        #expect(throws: SimulatorError.self) { try TenantFixture.load(from: url) }
    }

    @Test func generatedTenantHasTheRequestedShape() {
        let tenant = TenantFixture.generated(members: 5_000, apiMembers: 400, roles: 300, settingsPerRole: 150, integratorLogins: 50)
        #expect(tenant.members.count == 5_000)
        #expect(tenant.apiMembers.count == 400)
        #expect(tenant.members.filter { $0["licenseClass"] == "A" }.count == 400)
        #expect(tenant.securityRoles.count == 300)
        #expect(tenant.roleSettings.count == 300 && tenant.roleSettings.values.allSatisfy { $0.count == 150 })
        #expect(tenant.integratorLogins.count == 50)
        #expect(Set(tenant.members.compactMap { $0["id"]?.intValue }).count == 5_000)
        #expect(tenant.members.contains { $0["identifier"] == "scanner" })
    }

    @Test func jsonParserKeepsIntegersBooleansAndUnicodeApart() throws {
        let value = try JSONValue.parse(#"{"a": 1, "b": 1.5, "c": true, "d": null, "e": "Zo\u00eb \ud83d\ude80", "f": [false]}"#)
        #expect(value == ["a": 1, "b": 1.5, "c": true, "d": nil, "e": "Zoë 🚀", "f": [false]])
        #expect(try JSONValue.parse(value.jsonText) == value)
    }
}

@Suite struct FixtureFileServingTests {
    @Test func servesALoadedFixtureFile() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/small-tenant.json")
        let tenant = try TenantFixture.load(from: url)
        #expect(tenant.credentials.companyId == "smallmsp")
        #expect(tenant.systemInfo == TenantFixture.defaultSystemInfo)
        try await withSimulator(tenant) { session throws in
            #expect(try session.get("/system/members").json().arrayValue?.count == 2)
            let mine = try #require(session.get("/system/mySecurity").json().arrayValue)
            #expect(mine.map { $0["id"] } == [2001])
            #expect(mine.first?["member"]?["identifier"] == "auditor")
            #expect(mine.first?["member"]?["name"] == "Audit")
        }
    }
}
