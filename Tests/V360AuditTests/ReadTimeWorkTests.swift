import Foundation
import Logging
import ManageReader
import ManageSimulator
import Reports
import Testing
@testable import V360Audit

/// The read-time work is taken whole by a live scan: every list, role, judgement and rendering
/// made during the read is used, none is worked out again. Its checks keep the output right
/// either way, so only these counts show when one of them silently stops matching.
@Suite(.serialized) struct ReadTimeWorkTests {
    /// A live scan of `fixture` served over loopback, with `registerYAML`, through ``TenantScan``.
    static func liveScan(_ fixture: TenantFixture, registerYAML: String) async throws -> TenantScan.Outcome {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let register = directory.appendingPathComponent("integrations.yml")
        try registerYAML.write(to: register, atomically: true, encoding: .utf8)
        let server = try await SimulatorServer.start(tenant: fixture)
        let capture = OutputCapture()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let fake = fixture.credentials
        let source = TenantScan.Source.live { observers in
            let (credentials, _) = try Credentials.validated(companyId: fake.companyId, publicKey: fake.publicKey,
                                                             privateKey: fake.privateKey, clientId: fake.clientId)
            let configuration = ReaderConfiguration(site: try SiteAddress.parse(server.siteURL), credentials: credentials,
                                                    logger: logger)
            return try await SnapshotAcquirer(console: capture.console, logger: logger).fromLive(configuration, observers: observers)
        }
        let scan = TenantScan(
            source: source,
            inputs: ScanInputs.Files(ruleDirectories: [], includeBundled: true, register: register.path),
            reporters: [JUnitReporter(), MarkdownReporter(), JSONReporter(), HTMLReporter()],
            outputDirectory: directory.appendingPathComponent("out").path, saveSnapshot: nil, reportURL: nil,
            gate: try GateOptions.parse([]), keepUntilExit: false, console: capture.console, logger: logger)
        let outcome = try await scan.run()
        try await server.shutdown()
        return outcome
    }

    /// A register giving each generated API member (but the scanner) one or two bundled tools.
    static func register(for fixture: TenantFixture) -> String {
        let tools = ["cipp", "passportal", "email-reconnector", "hudu"]
        var lines = ["keys:"]
        for (index, member) in fixture.apiMembers.enumerated() {
            guard case .object(let fields) = member, case .string(let identifier)? = fields["identifier"],
                  identifier != fixture.scannerMemberIdentifier else { continue }
            for tool in index % 5 == 0 ? [tools[index % 4], tools[(index + 1) % 4]] : [tools[index % 4]] {
                lines.append("  - {member: \(identifier), description: \(tool) key, tool: \(tool), "
                             + "owner: ops@msp.example, created: 2026-01-15}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aLiveScanOfTheDemoTakesEverythingPreparedDuringItsRead() async throws {
        let outcome = try await Self.liveScan(DemoTenant.fixture, registerYAML: DemoTenant.registerYAML)
        let reuse = try #require(outcome.reuse)
        #expect(reuse.isComplete, "\(reuse)")
        #expect(reuse.evaluation.reused >= 2 + 4, "the lists, the roles and the demo's overbroad judgements: \(reuse)")
        #expect(reuse.snapshot.reused > 2 && reuse.evidence.reused > 0, "\(reuse)")
    }

    @Test func aLiveScanOfALargerTenantTakesEverythingPreparedDuringItsRead() async throws {
        let fixture = TenantFixture.generated(members: 800, apiMembers: 60, roles: 30, settingsPerRole: 60, integratorLogins: 3)
        let outcome = try await Self.liveScan(fixture, registerYAML: Self.register(for: fixture))
        let reuse = try #require(outcome.reuse)
        #expect(reuse.isComplete, "\(reuse)")
        #expect(reuse.evaluation.reused > 2 + 30, "most of the 59 members were judged during the read: \(reuse)")
        #expect(reuse.snapshot.reused == 2 + 30, "both lists and every role spliced: \(reuse)")
        #expect(reuse.evidence.reused > 30, "\(reuse)")
        #expect(outcome.context.result.findings.contains { $0.ruleId == "api-member-overbroad-role" })
    }
}
