import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `doctor --tenants` and `snapshot --tenants --out-dir` against a fleet of simulators.
@Suite struct FleetCommandTests {
    @Test func doctorChecksEveryTenantInItsOwnBlock() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = try await FleetTestBed.start([
            .init(name: "alpha", keyInFile: true),
            .init(name: "delta", wrongKey: "WrongDeltaKey99"),
        ], in: directory)
        let (code, output) = await runCommand(["doctor", "--tenants", bed.tenantsFile.path, "--quiet"],
                                              environment: bed.environment)
        let (healthy, healthyOutput) = await runCommand(
            ["doctor", "--tenants", try Self.only("alpha", of: bed), "--quiet"], environment: bed.environment)
        await bed.shutdown()
        #expect(code == 2, "\(output.err)")
        #expect(healthy == 0, "\(healthyOutput.out)\(healthyOutput.err)")
        let blocks = output.out.components(separatedBy: "== ").dropFirst()
        #expect(blocks.count == 2)
        #expect(blocks.first?.hasPrefix("alpha (") == true)
        #expect(blocks.first?.contains("ok   credentials for company demomsp") == true)
        #expect(blocks.last?.hasPrefix("delta (") == true)
        #expect(blocks.last?.contains("FAIL credentials") == true || blocks.last?.contains("authentication failed") == true)
        for secret in bed.secrets { #expect(!output.out.contains(secret) && !output.err.contains(secret)) }
    }

    @Test func snapshotPullsEveryTenantIntoTheFolder() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = try await FleetTestBed.start([
            .init(name: "alpha", keyInFile: true),
            .init(name: "bravo", fixture: DemoTenant.nextNight),
            .init(name: "charlie", faults: FaultPlan(pathFaults: [.status(403, on: "/system/integratorlogins")])),
        ], in: directory)
        let folder = directory.appendingPathComponent("nightly/snapshots")
        let (code, output) = await runCommand(["snapshot", "--tenants", bed.tenantsFile.path, "--out-dir", folder.path],
                                              environment: bed.environment)
        await bed.shutdown()
        #expect(code == 2, "\(output.err)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["alpha.json", "bravo.json", "charlie.json"])
        #expect(output.out.contains("alpha: Wrote \(folder.path)/alpha.json"))
        #expect(output.out.contains("charlie: Wrote") && output.out.contains("INCOMPLETE"))
        // What the snapshots hold is what an offline fleet scans.
        let (scanCode, scanOutput) = await runCommand(["scan", "--tenants", bed.tenantsFile.path, "--snapshot-dir", folder.path,
                                                       "--output-dir", directory.appendingPathComponent("out").path])
        #expect(scanCode == 2, "\(scanOutput.err)")
        #expect(scanOutput.err.contains("alpha: FAILED (exit 1)"))
    }

    @Test func snapshotTenantsNeedsAnOutputFolder() async {
        let (code, output) = await runCommand(["snapshot", "--tenants", "t.yml"])
        #expect(code == 64)
        #expect(output.err.contains("--out-dir"))
    }

    /// A tenants file with only `name`'s entry of the bed's.
    static func only(_ name: String, of bed: FleetTestBed) throws -> String {
        let text = try String(contentsOf: bed.tenantsFile, encoding: .utf8)
        let entries = text.components(separatedBy: "  - name: ").dropFirst()
        let kept = entries.first { $0.hasPrefix(name + "\n") }!
        let file = bed.directory.appendingPathComponent("only-\(name).yml")
        try Data(("tenants:\n  - name: " + kept).utf8).write(to: file)
        return file.path
    }
}
