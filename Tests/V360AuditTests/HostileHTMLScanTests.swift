import Foundation
import ManageReader
import Testing
@testable import V360Audit

/// Hostile names through the whole offline path into the HTML and mail reports, from a committed
/// snapshot that `.ci/run` also scans to open the HTML report in a real browser.
@Suite struct HostileHTMLScanTests {
    /// `Tests/V360AuditTests/Fixtures/hostile-tenant.json`.
    static let fixture = TestPaths.fixtures.appendingPathComponent("hostile-tenant.json")

    /// The hostile snapshot of ``HostileScanTests`` plus, for each of ``HTMLFixtures/hostileNames``,
    /// an active API member, its own role (every level All, so it is overbroad) and an integrator login.
    static func snapshot() -> TenantSnapshot {
        var snapshot = HostileScanTests.hostileSnapshot()
        for (index, name) in HTMLFixtures.hostileNames.enumerated() {
            let roleId = 20 + index
            snapshot.members.append(Member(id: 20 + index, identifier: name, firstName: name, lastName: name,
                                           licenseClass: "A", securityRole: RoleReference(id: roleId, name: name)))
            snapshot.securityRoles.append(SecurityRole(id: roleId, name: name, adminFlag: index == 0, settings: [
                RoleSetting(moduleName: name, moduleFunctionName: name, addLevel: PermissionLevel("All"),
                            editLevel: PermissionLevel("All"), deleteLevel: PermissionLevel("All"),
                            inquireLevel: PermissionLevel("All")),
            ]))
            snapshot.integratorLogins.append(IntegratorLogin(id: 20 + index, username: name, canAccessAllApisFlag: true))
        }
        return snapshot
    }

    /// The committed fixture is what ``snapshot()`` encodes to; `V360AUDIT_WRITE_FIXTURES=1` rewrites it.
    @Test func committedFixtureIsCurrent() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fresh = try Data(contentsOf: URL(fileURLWithPath: try SnapshotFixtures.write(Self.snapshot(), in: directory)))
        if ProcessInfo.processInfo.environment["V360AUDIT_WRITE_FIXTURES"] == "1" {
            try fresh.write(to: Self.fixture)
        }
        let committed = try? Data(contentsOf: Self.fixture)
        #expect(committed == fresh, """
            Tests/V360AuditTests/Fixtures/hostile-tenant.json is stale; rewrite it with
                V360AUDIT_WRITE_FIXTURES=1 swift test --filter HostileHTMLScanTests
            """)
    }

    @Test func hostileNamesAreTextInTheHTMLAndMailReports() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (code, output) = await runCommand(["scan", "--snapshot", Self.fixture.path, "--output-dir", directory.path,
                                               "--format", "json,html,mail"])
        #expect(code == 1, "\(output.err)")
        let html = try String(contentsOf: directory.appendingPathComponent("v360audit.html"), encoding: .utf8)
        try HTMLReporterTests.expectInert(html, elements: HTMLReporterTests.htmlElements,
                                          attributes: HTMLReporterTests.htmlAttributes)
        #expect(html.contains("<svg"))
        let mail = try String(contentsOf: directory.appendingPathComponent("v360audit.mail.html"), encoding: .utf8)
        try HTMLReporterTests.expectInert(mail, elements: MailReporterTests.elements, attributes: MailReporterTests.attributes)
        // The mail names the output folder when there is no --report-url.
        #expect(mail.contains("<code>" + directory.path + "/v360audit.html</code>"))
    }
}
