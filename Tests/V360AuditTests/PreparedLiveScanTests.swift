import Foundation
import ManageReader
import ManageSimulator
import Testing
@testable import V360Audit

/// A live scan works out findings, evidence and snapshot bytes while it reads; none of that may
/// change a byte: its reports are those of an offline scan of the snapshot it saved.
@Suite struct PreparedLiveScanTests {
    @Test func aLiveScanReportsWhatAnOfflineScanOfItsSnapshotReports() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let register = directory.appendingPathComponent("register.yml")
        try DemoTenant.registerYAML.write(to: register, atomically: true, encoding: .utf8)
        let saved = directory.appendingPathComponent("tonight.json").path
        let live = directory.appendingPathComponent("live"), offline = directory.appendingPathComponent("offline")
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let (liveCode, liveOutput) = await runCommand(
            ["scan", "--register", register.path, "--output-dir", live.path, "--save-snapshot", saved, "--quiet"],
            environment: LiveCommandTests.simulatorEnvironment(server))
        try await server.shutdown()
        let (offlineCode, offlineOutput) = await runCommand(
            ["scan", "--snapshot", saved, "--register", register.path, "--output-dir", offline.path, "--quiet"])
        #expect(liveCode == 1 && offlineCode == 1, "\(liveOutput.err)\n\(offlineOutput.err)")
        // Only the source differs (and the line that says so).
        let source: [String: (String, String)] = [
            "v360audit.json": ("\"source\" : \"live\"", "\"source\" : \"snapshot\""),
            "v360audit.md": ("Source: live", "Source: snapshot"),
            "v360audit.junit.xml": ("name=\"v360audit.scan.source\" value=\"live\"", "name=\"v360audit.scan.source\" value=\"snapshot\""),
        ]
        for (name, (liveText, offlineText)) in source {
            let fromLive = try String(contentsOf: live.appendingPathComponent(name), encoding: .utf8)
            let fromFile = try String(contentsOf: offline.appendingPathComponent(name), encoding: .utf8)
            #expect(fromLive.contains(liveText), "\(name)")
            #expect(fromLive.replacingOccurrences(of: liveText, with: offlineText) == fromFile, "\(name)")
        }
        let json = try String(contentsOf: live.appendingPathComponent("v360audit.json"), encoding: .utf8)
        #expect(json.contains("api-member-overbroad-role"), "the demo has overbroad findings, judged during the read")
        let sha = SnapshotStore.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: saved)))
        #expect(json.contains("\"snapshotSha256\" : \"\(sha)\""), "the fingerprint is the saved file's SHA-256")
    }
}
