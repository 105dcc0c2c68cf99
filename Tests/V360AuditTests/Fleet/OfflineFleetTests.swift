import Foundation
import Testing
@testable import V360Audit

/// `scan --tenants --snapshot-dir` (offline, no key needed) and `--baseline-dir`, against single
/// offline scans of the same files.
@Suite struct OfflineFleetTests {
    static let tenantsYAML = """
        tenants:
          - name: one
            site: psa.one.example
            companyId: one
            publicKey: OnePublicKey1
            privateKeyEnv: ONE_KEY_NOT_SET
            clientId: 0f1e2d3c-1111-2222-3333-444455556666
          - name: two
            site: psa.two.example
            companyId: two
            publicKey: TwoPublicKey1
            privateKeyFile: /nonexistent/two.key
            clientId: 0f1e2d3c-1111-2222-3333-444455556666

        """

    @Test func anOfflineFleetEqualsSingleOfflineScansByteForByte() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = directory.appendingPathComponent("snapshots")
        let baselines = directory.appendingPathComponent("baselines")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: baselines, withIntermediateDirectories: true)
        let one = try SnapshotFixtures.write(SnapshotFixtures.snapshot(adminAPIMember: true), in: snapshots, name: "one.json")
        let two = try SnapshotFixtures.write(SnapshotFixtures.snapshot(gap: true), in: snapshots, name: "two.json")
        // Only `one` has a baseline: last night's clean tenant, so tonight's admin member is new.
        let oneBaseline = try SnapshotFixtures.write(SnapshotFixtures.snapshot(), in: baselines, name: "one.json")
        let tenants = directory.appendingPathComponent("tenants.yml")
        try Data(Self.tenantsYAML.utf8).write(to: tenants)
        let out = directory.appendingPathComponent("out")

        let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", snapshots.path,
                                               "--baseline-dir", baselines.path, "--output-dir", out.path])
        // The single scans write into the folders the fleet wrote, once its reports are moved aside.
        let fleetOut = directory.appendingPathComponent("fleet")
        try FileManager.default.moveItem(at: out, to: fleetOut)
        let (oneCode, _) = await runCommand(["scan", "--snapshot", one, "--baseline", oneBaseline,
                                             "--output-dir", out.appendingPathComponent("one").path])
        let (twoCode, _) = await runCommand(["scan", "--snapshot", two, "--output-dir", out.appendingPathComponent("two").path])
        #expect(code == 2, "\(output.err)")
        #expect(oneCode == 1 && twoCode == 2)
        let fleetOne = try filesUnder(fleetOut.appendingPathComponent("one"))
        #expect(Set(fleetOne.keys) == Set(FleetScanTests.reports))
        #expect(fleetOne == (try filesUnder(out.appendingPathComponent("one"))), "one differs from its single scan")
        try FileManager.default.removeItem(at: out)
        try FileManager.default.moveItem(at: fleetOut, to: out)
        // `two` has no baseline in the folder: a coverage note, not an error, in its own reports.
        let twoJSON = try String(contentsOf: out.appendingPathComponent("two/v360audit.json"), encoding: .utf8)
        #expect(twoJSON.contains("No baseline for this tenant"))
        let json = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("v360audit-fleet.json"))) as? [String: Any])
        let lines = try #require(json["tenants"] as? [[String: Any]])
        #expect(lines.map { $0["name"] as? String } == ["two", "one"])
        let drift = try #require(lines[1]["drift"] as? [String: Any])
        #expect(drift["new"] as? Int == 1 && drift["resolved"] as? Int == 0 && drift["changes"] as? Int != nil)
        #expect(lines[0]["drift"] is NSNull)
        // Run again: the fleet reports are the same bytes (nothing from the clock or the order of finishing).
        let first = try filesUnder(out)
        let again = directory.appendingPathComponent("again")
        _ = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", snapshots.path,
                              "--baseline-dir", baselines.path, "--output-dir", again.path, "--parallel", "1"])
        #expect(try filesUnder(again) == first)
    }

    @Test func aMissingSnapshotIsThatTenantsExit64() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try SnapshotFixtures.write(SnapshotFixtures.snapshot(), in: directory, name: "one.json")
        let tenants = directory.appendingPathComponent("tenants.yml")
        try Data(Self.tenantsYAML.utf8).write(to: tenants)
        let out = directory.appendingPathComponent("out")
        let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", directory.path,
                                               "--output-dir", out.path])
        #expect(code == 64, "\(output.err)")
        #expect(output.err.contains("one: PASSED (exit 0)"))
        #expect(output.err.contains("two: INVALID INPUT (exit 64)"))
        #expect(output.err.contains("two.json"))
        // --quiet keeps only the lines of tenants that could not be read.
        let (_, quiet) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", directory.path,
                                           "--output-dir", out.path, "--quiet"])
        #expect(quiet.err.contains("two: INVALID INPUT (exit 64)") && !quiet.err.contains("one: "), "\(quiet.err)")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String] = [:]
        var words: String
        var testDescription: String { words }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["--site", "psa.example.com"], words: "remove --site"),
        Refusal(arguments: ["--ca-file", "/etc/ca.pem"], words: "remove --ca-file"),
        Refusal(arguments: [], environment: ["CWM_SITE": "psa.example.com", "CWM_PRIVATE_KEY": "Sekr1tValue"],
                words: "unset CWM_PRIVATE_KEY, CWM_SITE"),
        Refusal(arguments: ["--register", "r.yml"], words: "remove --register"),
        Refusal(arguments: ["--baseline", "b.json"], words: "remove --baseline"),
        Refusal(arguments: ["--demo"], words: "remove --demo"),
    ]

    @Test(arguments: refusals)
    func connectionFlagsAndVariablesAreRefusedWithTenants(_ refusal: Refusal) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenants = directory.appendingPathComponent("tenants.yml")
        try Data(Self.tenantsYAML.utf8).write(to: tenants)
        let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--output-dir", directory.path]
                                                  + refusal.arguments, environment: refusal.environment)
        #expect(code == 64)
        #expect(output.err.contains(refusal.words), "\(output.err)")
        #expect(!output.err.contains("Sekr1tValue"))
    }

    @Test func fleetFlagsNeedTenants() async {
        for flags in [["--parallel", "2"], ["--snapshot-dir", "x"], ["--baseline-dir", "x"], ["--save-snapshot-dir", "x"]] {
            let (code, output) = await runCommand(["scan", "--demo"] + flags)
            #expect(code == 64)
            #expect(output.err.contains("only with --tenants FILE"), "\(output.err)")
        }
    }
}
