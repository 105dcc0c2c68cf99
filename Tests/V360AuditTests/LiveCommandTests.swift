import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `simulate`, `snapshot`, `doctor` and a live `scan` against the simulator over a socket.
@Suite struct LiveCommandTests {
    /// The `KEY=VALUE` lines `simulate` prints, as an environment.
    static func environment(from output: String) -> [String: String] {
        var environment: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            environment[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return environment
    }

    @Test func simulatePrintsAConnectionAScanCanUse() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = OutputCapture()
        let scanResult = LockedBox<(Int32, String)>((-1, ""))
        let code = try await V360AuditCommand.Simulate.serve(DemoTenant.fixture, port: 0, label: "demo",
                                                             console: capture.console) {
            let environment = Self.environment(from: capture.out)
            let (code, output) = await runCommand(["scan", "--quiet", "--output-dir", directory.path],
                                                  environment: environment)
            scanResult.value = (code, output.out)
            return 15
        }
        #expect(code == 0)
        let environment = Self.environment(from: capture.out)
        #expect(Set(environment.keys) == ["CWM_SITE", "CWM_COMPANY_ID", "CWM_PUBLIC_KEY", "CWM_PRIVATE_KEY", "CWM_CLIENT_ID"])
        #expect(environment["CWM_SITE"]?.hasPrefix("http://127.0.0.1:") == true)
        // A live scan of the demo tenant without a register: key rules are not evaluated, the rest fail the gate.
        #expect(scanResult.value.0 == 1, "\(scanResult.value.1)")
        #expect(scanResult.value.1.contains("Source: live (127.0.0.1)"))
        #expect(capture.err.contains("Stopped (signal 15)"))
    }

    @Test func snapshotOfAPartlyForbiddenTenantIsWrittenAndExits2() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture,
                                                     faults: FaultPlan(pathFaults: [.status(403, on: "/system/integratorlogins")]))
        let environment = Self.simulatorEnvironment(server)
        let out = directory.appendingPathComponent("partial.json").path
        let (code, output) = await runCommand(["snapshot", "--out", out, "--quiet"], environment: environment)
        let (scanCode, scanOutput) = await runCommand(["scan", "--snapshot", out, "--output-dir", directory.path])
        try await server.shutdown()
        #expect(code == 2, "\(output.err)")
        #expect(output.out.contains("INCOMPLETE"))
        #expect(FileManager.default.fileExists(atPath: out))
        // Scanning the incomplete snapshot offline is incomplete too, with the endpoint named in JUnit.
        #expect(scanCode == 2, "\(scanOutput.err)")
        let junit = try String(contentsOf: directory.appendingPathComponent("v360audit.junit.xml"), encoding: .utf8)
        #expect(junit.contains("/system/integratorlogins"))
        for schema in TestPaths.schemas { #expect(XSDValidator.isValid(junit, schema: schema)) }
    }

    @Test func doctorReportsTheDemoScannerCanEdit() async throws {
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: Self.simulatorEnvironment(server))
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        #expect(output.out.contains("ok   credentials for company demomsp, public key Demo…"))
        #expect(output.out.contains("WARN the scanner's role can change data"))
        #expect(!(output.out + output.err).contains(DemoTenant.fixture.credentials.privateKey))
    }

    @Test func wrongPrivateKeyIsAnAuthenticationFailureExit2WithReports() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        var environment = Self.simulatorEnvironment(server)
        environment["CWM_PRIVATE_KEY"] = "WrongKey99"
        let (code, output) = await runCommand(["scan", "--output-dir", directory.path], environment: environment)
        try await server.shutdown()
        #expect(code == 2, "\(output.err)")
        #expect(output.err.contains("401") || output.err.lowercased().contains("authentication"))
        #expect(!output.err.contains("WrongKey99"))
        let json = try String(contentsOf: directory.appendingPathComponent("v360audit.json"), encoding: .utf8)
        #expect(json.contains("\"complete\" : false"))
    }

    /// The read starts beside the input loading, so a bad rule file must still exit 64 first and
    /// cancel the read: only what was in flight reaches the PSA, not the whole tenant.
    @Test func badInputsCancelTheLiveReadThatStartedBesideThem() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("id: bad-rule\ntitle: Bad\nbogus: 1\n".utf8).write(to: directory.appendingPathComponent("bad-rule.yml"))
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture,
                                                     faults: FaultPlan(latency: .milliseconds(300)))
        let (code, output) = await runCommand(["scan", "--rules", directory.path, "--output-dir", directory.path],
                                              environment: Self.simulatorEnvironment(server))
        try await Task.sleep(for: .seconds(1.5))  // time for a read that was not stopped to go on
        let requests = server.requestLog()
        try await server.shutdown()
        #expect(code == 64)
        #expect(output.err.contains("bad-rule.yml:3"), "\(output.err)")
        #expect(requests.count <= 2, "\(requests.map(\.path))")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("v360audit.json").path))
    }

    static func simulatorEnvironment(_ server: SimulatorServer) -> [String: String] {
        let credentials = DemoTenant.fixture.credentials
        return ["CWM_SITE": server.siteURL, "CWM_COMPANY_ID": credentials.companyId,
                "CWM_PUBLIC_KEY": credentials.publicKey, "CWM_PRIVATE_KEY": credentials.privateKey,
                "CWM_CLIENT_ID": credentials.clientId]
    }
}
