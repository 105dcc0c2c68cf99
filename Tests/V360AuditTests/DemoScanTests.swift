import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `scan --demo` end to end: the simulator on loopback, the real client, the engine, the reporters.
/// One run is shared by the tests below (it serves and reads a whole tenant over HTTP).
@Suite struct DemoScanTests {
    struct Run: Sendable {
        var code: Int32
        var out: String
        var err: String
        var directory: URL
        var reports: [String: String]
        var snapshotFile: String
    }

    /// How the committed example is made: every report, the mail body included, with a report URL
    /// (without one the mail names the output folder, which differs between runs).
    static let exampleArguments = ["--format", "junit,markdown,json,html,mail",
                                   "--report-url", "https://reports.example.com/psa/2026-11-01/v360audit.html"]
    /// The files the example holds.
    static let exampleFiles = ["v360audit.junit.xml", "v360audit.md", "v360audit.json", "v360audit.html", "v360audit.mail.html"]

    static let shared = Task { () -> Run in
        let directory = try! TestPaths.temporaryDirectory()
        let snapshot = directory.appendingPathComponent("demo-snapshot.json").path
        let (code, output) = await runCommand(["scan", "--demo", "--verbose", "--output-dir", directory.path,
                                               "--save-snapshot", snapshot] + exampleArguments)
        var reports: [String: String] = [:]
        for name in exampleFiles {
            reports[name] = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        let snapshotText = (try? String(contentsOfFile: snapshot, encoding: .utf8)) ?? ""
        return Run(code: code, out: output.out, err: output.err, directory: directory, reports: reports,
                   snapshotFile: snapshotText)
    }

    /// docs/design.md's bundled rules: the demo tenant triggers each at least once.
    static let designRules = [
        "api-member-admin-role", "api-member-admin-equivalent-role", "shared-member-overbroad-role",
        "api-member-overbroad-role", "shared-api-member", "orphaned-api-key", "unregistered-api-member",
        "stale-api-key", "integrator-login-all-access", "scanner-key-not-read-only",
    ]

    @Test func exitsOneAndEveryRuleFires() async throws {
        let run = await Self.shared.value
        #expect(run.code == 1, "stderr: \(run.err)")
        #expect(run.out.hasPrefix("v360audit FAILED"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.reports["v360audit.json"]!.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let fired = Set(findings.compactMap { $0["ruleId"] as? String })
        for rule in Self.designRules { #expect(fired.contains(rule), "\(rule) did not fire on the demo tenant") }
        let scan = try #require(json["scan"] as? [String: Any])
        #expect(scan["complete"] as? Bool == true)
        #expect(scan["source"] as? String == "demo")
        #expect(scan["capturedAt"] as? String == "2026-11-01T06:00:00Z")
    }

    @Test(arguments: TestPaths.schemas)
    func junitValidates(schema: URL) async {
        let run = await Self.shared.value
        #expect(XSDValidator.isValid(run.reports["v360audit.junit.xml"]!, schema: schema))
    }

    @Test func progressGoesToStderrAndNoSecretAnywhere() async {
        let run = await Self.shared.value
        #expect(run.err.contains("Reading the demo tenant"))
        let credentials = DemoTenant.fixture.credentials
        let authorization = Data("\(credentials.companyId)+\(credentials.publicKey):\(credentials.privateKey)".utf8)
            .base64EncodedString()
        let places = ["stdout": run.out, "stderr": run.err, "snapshot": run.snapshotFile].merging(run.reports) { a, _ in a }
        for (place, text) in places {
            #expect(!text.isEmpty, "\(place) is empty")
            for secret in [credentials.privateKey, credentials.clientId, authorization] {
                #expect(!text.contains(secret), "a secret appears in \(place)")
            }
        }
    }

    /// `reports/example/` must be what the demo produces today.
    @Test func committedExampleIsCurrent() async throws {
        let run = await Self.shared.value
        for (name, fresh) in run.reports.sorted(by: { $0.key < $1.key }) {
            let committed = (try? String(contentsOf: TestPaths.example.appendingPathComponent(name), encoding: .utf8)) ?? ""
            guard committed != fresh else { continue }
            let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let new = fresh.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            let before = line < old.count ? String(old[line].prefix(160)) : "<end of file>"
            let after = line < new.count ? String(new[line].prefix(160)) : "<end of file>"
            Issue.record("""
                reports/example/\(name) is stale (first difference at line \(line + 1)):
                  committed: \(before)
                  now:       \(after)
                Regenerate it from the package root with:
                    swift run v360audit scan --demo --output-dir reports/example \(Self.exampleArguments.joined(separator: " "))
                (that command exits 1: the demo tenant fails the gate by design)
                """)
        }
    }
}
