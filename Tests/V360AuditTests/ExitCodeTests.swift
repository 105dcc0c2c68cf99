import Foundation
@testable import Reports
import Testing
@testable import V360Audit

/// Every exit code through the command layer (parse + run), with offline snapshots.
@Suite struct ExitCodeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var admin: Bool
        var gap: Bool
        var extra: [String]
        var code: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "clean → 0", admin: false, gap: false, extra: [], code: 0),
        Case(name: "critical finding → 1", admin: true, gap: false, extra: [], code: 1),
        Case(name: "critical finding, --fail-on never → 0", admin: true, gap: false, extra: ["--fail-on", "never"], code: 0),
        Case(name: "critical finding, --fail-on critical → 1", admin: true, gap: false, extra: ["--fail-on", "critical"], code: 1),
        Case(name: "read gap → 2", admin: false, gap: true, extra: [], code: 2),
        Case(name: "read gap and failed gate → 2", admin: true, gap: true, extra: [], code: 2),
        Case(name: "read gap, --fail-on never → 2", admin: false, gap: true, extra: ["--fail-on", "never"], code: 2),
    ]

    @Test(arguments: cases)
    func scanOfSnapshot(_ testCase: Case) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try SnapshotFixtures.write(SnapshotFixtures.snapshot(adminAPIMember: testCase.admin, gap: testCase.gap),
                                              in: directory)
        let reports = directory.appendingPathComponent("out/nested").path
        let (code, output) = await runCommand(["scan", "--snapshot", path, "--output-dir", reports] + testCase.extra)
        #expect(code == testCase.code, "stderr: \(output.err)")
        // Reports are written whatever the code, into a directory created on demand.
        for file in ["v360audit.junit.xml", "v360audit.md", "v360audit.json"] {
            #expect(FileManager.default.fileExists(atPath: reports + "/" + file), "\(file)")
        }
        #expect(output.out.contains("Reports: \(reports)/v360audit.junit.xml"))
        let json = try String(contentsOfFile: reports + "/v360audit.json", encoding: .utf8)
        #expect(json.contains("\"complete\" : \(!testCase.gap)"))
    }

    @Test func defaultCommandIsScan() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try SnapshotFixtures.write(SnapshotFixtures.snapshot(adminAPIMember: true), in: directory)
        let (code, _) = await runCommand(["--snapshot", path, "--output-dir", directory.path, "--format", "json"])
        #expect(code == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("v360audit.md").path))
    }

    static let usageCases: [[String]] = [
        ["scan", "--demo", "--snapshot", "x.json"],
        ["scan", "--fail-on", "severe"],
        ["scan", "--format", "junit,html"],
        ["scan", "--verbose", "--quiet", "--demo"],
        ["scan", "--private-key", "secret"],
        ["scan", "--no-default-rules", "--demo"],
        ["scan", "--snapshot", "/nonexistent/snapshot.json"],
        ["scan"],  // no connection settings at all
        ["rules", "explain", "no-such-rule"],
        ["rules", "validate", "/nonexistent/dir"],
        ["simulate", "--port", "70000"],
        ["frobnicate"],
    ]

    @Test(arguments: usageCases)
    func usageErrorsExit64(_ arguments: [String]) async {
        let (code, output) = await runCommand(arguments)
        #expect(code == 64, "\(arguments): \(output.err)")
        #expect(!output.err.isEmpty)
    }

    @Test func invalidSnapshotFileNamesFileAndLine() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.json")
        try Data("{\n  \"schemaVersion\": 1,\n  \"source\": oops\n}\n".utf8).write(to: file)
        let (code, output) = await runCommand(["scan", "--snapshot", file.path, "--output-dir", directory.path])
        #expect(code == 64)
        // The value that does not parse is on line 3.
        #expect(output.err.contains("\(file.path):3:"), "\(output.err)")
    }

    @Test func invalidRegisterAndWaiversExit64WithFile() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = try SnapshotFixtures.write(SnapshotFixtures.snapshot(), in: directory)
        let register = directory.appendingPathComponent("register.yml")
        try Data("keys:\n  - member: X\n    colour: blue\n".utf8).write(to: register)
        let waivers = directory.appendingPathComponent("waivers.yml")
        try Data("waivers:\n  - id: [\n".utf8).write(to: waivers)
        for (flag, file) in [("--register", register), ("--waivers", waivers), ("--baseline", waivers)] {
            let (code, output) = await runCommand(["scan", "--snapshot", snapshot, flag, file.path,
                                                   "--output-dir", directory.path])
            #expect(code == 64, "\(flag): \(output.err)")
            #expect(output.err.contains(file.path), "\(flag): \(output.err)")
        }
    }

    @Test func helpAndVersionExit0() async {
        let (help, helpOutput) = await runCommand(["--help"])
        #expect(help == 0)
        #expect(helpOutput.out.contains("64  usage error"))
        let (version, versionOutput) = await runCommand(["--version"])
        #expect(version == 0)
        #expect(versionOutput.out.contains(ToolInfo.version))
    }

    @Test func exitStatusPrefersIncomplete() {
        #expect(ExitStatus.forScan(complete: true, gatePassed: true) == 0)
        #expect(ExitStatus.forScan(complete: true, gatePassed: false) == 1)
        #expect(ExitStatus.forScan(complete: false, gatePassed: true) == 2)
        #expect(ExitStatus.forScan(complete: false, gatePassed: false) == 2)
    }
}
