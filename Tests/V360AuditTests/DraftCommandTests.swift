import AuditRules
import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `register draft`, `profiles list` and `profiles draft` as a user runs them, against the
/// simulator over a socket.
@Suite struct DraftCommandTests {
    @Test func registerDraftOfTheSimulatorLoadsAndGuessesV360API() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let environment = LiveCommandTests.simulatorEnvironment(server)
        let out = directory.appendingPathComponent("integrations.yml").path
        let (code, output) = await runCommand(["register", "draft", "--out", out, "--quiet"], environment: environment)
        // --out never overwrites, and refuses before reading the PSA.
        let (again, againOutput) = await runCommand(["register", "draft", "--out", out, "--quiet"], environment: environment)
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        #expect(output.out.hasPrefix("Wrote \(out): 13 API member(s)"))
        #expect(again == 64)
        #expect(againOutput.err.contains("never overwrites"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let register = try KeyRegister.parse(text, fileName: out)
        #expect(register.keys.first { $0.member == "V360API" }?.tool == "email-reconnector")
        #expect(text.contains("# V360API: tool from the email-reconnector profile's hint: the vendor suggests the member name 'V360API'"))
        #expect(register.keys.first { $0.member == "HuduSync" }?.tool == "hudu")
        #expect(register.keys.first { $0.member == "ZapierSync" }?.tool == "TODO")
        // The scanner's own member (the member of /system/mySecurity) is audited like every tool.
        #expect(register.keys.first { $0.member == "v360audit" }?.tool == "v360audit")
        #expect(text.contains("# v360audit: the member this scan ran as (/system/mySecurity)"))
        // A TODO entry names the three profiles closest to what its role grants.
        let zapier = try #require(text.split(separator: "\n").first { $0.hasPrefix("  # ZapierSync:") })
        #expect(zapier.contains("closest profiles: "), "\(zapier)")
        #expect(zapier.components(separatedBy: " to change)").count - 1 == 3, "\(zapier)")
        #expect(!register.keys.contains { $0.member == "OldSync" }, "inactive members are not drafted")
        #expect(!text.contains(DemoTenant.fixture.credentials.privateKey))
        // The draft as it is: a scan loads it (never 64).
        let (scanCode, scanOutput) = await runCommand(["scan", "--demo", "--register", out, "--output-dir", directory.path, "--quiet"])
        #expect([0, 1, 2].contains(scanCode), "\(scanOutput.err)")
        // TODO is a tool not set yet, never a profile file to add.
        for name in ["v360audit.json", "v360audit.md", "v360audit.junit.xml"] {
            let report = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(!report.lowercased().contains("todo.yml"), "\(name) asks for a todo profile")
            #expect(!report.contains("tool-profile:TODO"), "\(name)")
            #expect(report.contains("tool not set yet (TODO in the register)") || report.contains("Tool not set yet (TODO in the register)"),
                    "\(name)")
        }
    }

    @Test func profilesListShowsTheLibrary() async throws {
        let (code, output) = await runCommand(["profiles", "list"])
        #expect(code == 0)
        #expect(output.out.contains("email-reconnector"))
        let line = try #require(output.out.split(separator: "\n").first { $0.hasPrefix("email-reconnector ") })
        #expect(line.contains("yes") && line.contains("https://www.visionary360.com/knowledge-base/kb-email-reconnector/erc-api-security-role/"))
        let (jsonCode, json) = await runCommand(["profiles", "list", "--format", "json"])
        #expect(jsonCode == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(items.filter { $0["verified"] as? Bool == true }.count >= 30)
        #expect(items.first { $0["id"] as? String == "email-reconnector" }?["features"] as? [String] == ["activities", "user-import"])
    }

    @Test func profilesDraftOfADemoRoleScansWithoutExcess() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (code, output) = await runCommand(["profiles", "draft", "--role", "api - backup", "--demo", "--quiet"])
        #expect(code == 0, "\(output.err)")
        #expect(output.out.contains("verified: false"))
        #expect(output.out.contains("source: \"role 'API - Backup' (id 8) on 127.0.0.1, captured 2026-11-01\""))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules/tools"), withIntermediateDirectories: true)
        try Data(output.out.utf8).write(to: directory.appendingPathComponent("rules/tools/api-backup.yml"))
        try Data("keys: [{member: BackupAPI, description: k, tool: api-backup, created: 2026-10-01}]".utf8)
            .write(to: directory.appendingPathComponent("register.yml"))
        let (scanCode, _) = await runCommand(["scan", "--demo", "--register", directory.appendingPathComponent("register.yml").path,
                                              "--rules", directory.appendingPathComponent("rules").path,
                                              "--output-dir", directory.path, "--format", "json", "--quiet"])
        #expect(scanCode == 1)
        let json = try String(contentsOf: directory.appendingPathComponent("v360audit.json"), encoding: .utf8)
        #expect(!json.contains("\"ruleId\" : \"api-member-overbroad-role\""))
        let (missing, missingOutput) = await runCommand(["profiles", "draft", "--role", "No Such Role", "--demo", "--quiet"])
        #expect(missing == 64)
        #expect(missingOutput.err.contains("no role with that id or name"))
    }
}
