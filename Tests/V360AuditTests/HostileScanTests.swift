import Foundation
import ManageReader
import Testing
@testable import V360Audit

/// Hostile tenant data through the whole offline path: snapshot file → engine → three reports.
@Suite struct HostileScanTests {
    static func hostileSnapshot() -> TenantSnapshot {
        var snapshot = SnapshotFixtures.snapshot(adminAPIMember: true)
        let evil = ResultFixtures.hostile
        snapshot.members.append(Member(id: 6, identifier: evil, firstName: ResultFixtures.longName, lastName: evil,
                                       licenseClass: "A", securityRole: RoleReference(id: 3, name: evil)))
        snapshot.securityRoles.append(SecurityRole(id: 3, name: evil, settings: [
            RoleSetting(moduleName: evil, moduleFunctionName: ResultFixtures.longName, addLevel: PermissionLevel("All"),
                        editLevel: PermissionLevel("All"), deleteLevel: PermissionLevel("All"),
                        inquireLevel: PermissionLevel("All")),
        ]))
        snapshot.integratorLogins.append(IntegratorLogin(id: 9, username: evil, canAccessAllApisFlag: true))
        return snapshot
    }

    @Test func reportsStayValid() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try SnapshotFixtures.write(Self.hostileSnapshot(), in: directory)
        let (code, output) = await runCommand(["scan", "--snapshot", path, "--output-dir", directory.path])
        #expect(code == 1, "\(output.err)")
        let junit = try String(contentsOf: directory.appendingPathComponent("v360audit.junit.xml"), encoding: .utf8)
        for schema in TestPaths.schemas { #expect(XSDValidator.isValid(junit, schema: schema), "\(schema.lastPathComponent)") }
        #expect(junit.contains("ev|il &lt;b&gt;bold"))
        let markdown = try String(contentsOf: directory.appendingPathComponent("v360audit.md"), encoding: .utf8)
        for table in MarkdownReporterTests.tableShapes(markdown) {
            for row in table.rows { #expect(row == table.header) }
        }
        #expect(!markdown.contains("<script>") && !markdown.contains("\u{7}"))
        let json = try Data(contentsOf: directory.appendingPathComponent("v360audit.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        // The JSON keeps tenant data exactly as read.
        #expect(findings.contains { ($0["resource"] as? [String: Any])?["identifier"] as? String == ResultFixtures.hostile })
    }
}
