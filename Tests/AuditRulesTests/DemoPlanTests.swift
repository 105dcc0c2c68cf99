import Foundation
import ManageReader
import ManageSimulator
import Testing
@testable import AuditRules

/// The demo tenant end to end: served by the simulator on loopback, read with the real client,
/// planned, the plan applied, evaluated again.
@Suite struct DemoPlanTests {
    static func demoSnapshot(_ fixture: TenantFixture = DemoTenant.fixture,
                             observers: [any ReadObserver] = []) async throws -> TenantSnapshot {
        let server = try await SimulatorServer.start(tenant: fixture)
        let fake = fixture.credentials
        let (credentials, _) = try Credentials.validated(companyId: fake.companyId, publicKey: fake.publicKey,
                                                         privateKey: fake.privateKey, clientId: fake.clientId)
        let client = ManageClient(configuration: ReaderConfiguration(site: try SiteAddress.parse(server.siteURL),
                                                                     credentials: credentials))
        let snapshot = try await client.readSnapshot(observers: observers)
        await client.shutdown()
        try await server.shutdown()
        return snapshot
    }

    @Test func theDemoPlanHasBothActionsAndApplyingItBreaksNoMember() async throws {
        let snapshot = try await Self.demoSnapshot()
        #expect(snapshot.isComplete)
        let pack = try RulePack.bundled()
        let register = try KeyRegister.parse(DemoTenant.registerYAML, fileName: "demo-register.yml")
        let before = AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil)
        #expect(before.plan.map { "\($0.action.rawValue) \($0.roleName) \($0.member ?? ($0.members ?? []).joined(separator: ","))" } == [
            "new-role Admin AdminSync", "new-role Power Users PowerSync",
            "lower-role API - Integrations Integrations", "lower-role API - Backup BackupAPI",
        ])
        // Both new sensitive-grant rules fire on the demo tenant.
        #expect(before.findings.contains { $0.ruleId == "api-member-privilege-escalation" && $0.resource.identifier == "BackupAPI" })
        #expect(before.findings.contains { $0.ruleId == "api-member-reads-stored-passwords" && $0.resource.identifier == "HuduSync" })
        let applied = PlanApplier.apply(before.plan, to: snapshot)
        let after = AuditEngine.evaluate(pack: pack, snapshot: applied, register: register, waivers: nil)
        #expect(!after.findings.contains { $0.ruleId.hasSuffix("overbroad-role") })
        #expect(PlanApplier.metNeeds(snapshot, pack: pack, register: register)
            .isSubset(of: PlanApplier.metNeeds(applied, pack: pack, register: register)))
        // BackupAPI's lowered role no longer lets it change security.
        #expect(!after.findings.contains { $0.ruleId == "api-member-privilege-escalation" && $0.resource.identifier == "BackupAPI" })
    }
}
