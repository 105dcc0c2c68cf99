import AuditRules
import Foundation
import ManageSimulator
import Testing
@testable import V360Audit
import V360Core

/// The README's nightly recipe, step for step, against the simulator on two nights: the demo
/// tenant, then the same tenant with a planted change of every kind (`DemoTenant.nextNight`).
@Suite struct NightlyRecipeTests {
    /// Runs one night of the recipe: scan with last night's snapshot as the baseline (if there is
    /// one), save tonight's, and point `snapshots/latest.json` at it when the read was complete.
    static func night(_ fixture: TenantFixture, date: String, in directory: URL) async throws -> (Int32, OutputCapture) {
        let server = try await SimulatorServer.start(tenant: fixture)
        let latest = directory.appendingPathComponent("snapshots/latest.json")
        let tonight = directory.appendingPathComponent("snapshots/\(date).json")
        try FileManager.default.createDirectory(at: tonight.deletingLastPathComponent(), withIntermediateDirectories: true)
        var arguments = ["scan", "--quiet", "--output-dir", directory.appendingPathComponent("reports/\(date)").path,
                         "--register", directory.appendingPathComponent("integrations.yml").path,
                         "--waivers", directory.appendingPathComponent("waivers.yml").path, "--save-snapshot", tonight.path]
        if FileManager.default.fileExists(atPath: latest.path) { arguments += ["--baseline", latest.path] }
        let (code, output) = await runCommand(arguments, environment: LiveCommandTests.simulatorEnvironment(server))
        try await server.shutdown()
        if code <= 1 {
            try? FileManager.default.removeItem(at: latest)
            try FileManager.default.createSymbolicLink(at: latest, withDestinationURL: tonight)
        }
        return (code, output)
    }

    static func today(plus days: Int = 0) -> String {
        CalendarDate(utc: Date().addingTimeInterval(Double(days) * 86_400)).description
    }

    @Test func theSecondMorningListsExactlyThePlantedChangesAndThePinnedWaiverLapses() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(DemoTenant.registerYAML.utf8).write(to: directory.appendingPathComponent("integrations.yml"))
        try Data("waivers: []\n".utf8).write(to: directory.appendingPathComponent("waivers.yml"))

        let (first, firstOutput) = try await Self.night(DemoTenant.fixture, date: "night-1", in: directory)
        #expect(first == 1, "\(firstOutput.err)")
        let day1 = try Self.json(directory, "night-1")
        #expect(day1["changes"] is NSNull, "no baseline on the first night")
        // The security lead accepts PowerSync's admin-equivalent role as it is tonight, pinned.
        let power = try #require(Self.findings(day1).first {
            $0["ruleId"] as? String == "api-member-admin-equivalent-role" && Self.identifier($0) == "PowerSync"
        })
        let pinned = try #require(power["fingerprint"] as? String)
        try Data("""
            waivers:
              - id: W-7
                rule: api-member-admin-equivalent-role
                resource: PowerSync
                reason: Power Sync needs broad rights until the vendor's scoped role ships
                owner: secops@msp.example
                created: \(Self.today())
                expires: \(Self.today(plus: 90))
                ticket: SEC-42
                fingerprint: \(pinned)
            """.utf8).write(to: directory.appendingPathComponent("waivers.yml"))

        let (second, secondOutput) = try await Self.night(DemoTenant.nextNight, date: "night-2", in: directory)
        #expect(second == 1, "\(secondOutput.err)")
        let day2 = try Self.json(directory, "night-2")
        let changes = try #require(day2["changes"] as? [[String: Any]])
        #expect(changes.map(Self.summary) == [
            "apiMember activated OldSync", "apiMember added NewSync", "apiMember deactivated ZapierSync",
            "apiMember removed cipp-webhook", "apiMember roleChanged BackupAPI API - Backup→API - MSP360",
            "integratorLogin accessChanged ticket-portal", "integratorLogin removed old-rmm",
            "rolePermission Power Users Finance/Billing Reconciliation delete None→All PowerSync",
            "rolePermission API - Email reConnector Finance/Invoicing delete None→All V360API",
            "rolePermission API - Read Only Service Desk/Service Tickets edit My→None v360audit",
            "scannerPermission Service Desk/Service Tickets edit My→None",
        ])
        // The pinned waiver lapsed: PowerSync's finding is open again, and coverage says why.
        let now = try #require(Self.findings(day2).first {
            $0["ruleId"] as? String == "api-member-admin-equivalent-role" && Self.identifier($0) == "PowerSync"
        })
        #expect(now["status"] as? String == "open")
        #expect(now["fingerprint"] as? String != pinned)
        let coverage = try #require(day2["coverage"] as? [[String: Any]])
        #expect(coverage.contains { $0["area"] as? String == "waiver:W-7" && ($0["detail"] as? String ?? "").contains("lapsed") })
        // Finding drift: the new member is new and unregistered; the disabled one's finding resolved.
        #expect(Self.findings(day2).contains {
            $0["ruleId"] as? String == "unregistered-api-member" && Self.identifier($0) == "NewSync" && $0["drift"] as? String == "new"
        })
        let resolved = try #require(day2["resolved"] as? [[String: Any]])
        #expect(resolved.contains { $0["ruleId"] as? String == "unregistered-api-member" && Self.identifier($0) == "ZapierSync" })

        let markdown = try String(contentsOf: directory.appendingPathComponent("reports/night-2/v360audit.md"), encoding: .utf8)
        #expect(markdown.contains("**11 change(s) in the PSA since the baseline**"))
        #expect(markdown.contains("## Changes since the baseline\n\n11 change(s) in the PSA."))
        #expect(markdown.contains("| roleChanged | BackupAPI | 206 | API - Backup | API - MSP360 |"))
        #expect(markdown.contains("| API - Email reConnector (6) | Finance | Invoicing | delete | None | All | V360API |"))
        #expect(markdown.contains("| accessChanged | ticket-portal | all APIs: no, all records: no | all APIs: yes, all records: no |"))
        #expect(secondOutput.out.isEmpty || secondOutput.out.contains("11 change(s)"))
        let section = try #require(markdown.components(separatedBy: "## Changes since the baseline").last?
            .components(separatedBy: "\n## ").first)
        #expect(!section.contains("Company Maintenance"), "a re-spelled level is no change")
        #expect(!section.contains("| Finance (3)"), "a role no API member holds is not watched")
        for schema in TestPaths.schemas {
            let junit = try String(contentsOf: directory.appendingPathComponent("reports/night-2/v360audit.junit.xml"), encoding: .utf8)
            #expect(XSDValidator.isValid(junit, schema: schema))
        }

        // `diff` of the two saved snapshots prints the same changes.
        let (diffCode, diff) = await runCommand(["diff", directory.appendingPathComponent("snapshots/night-1.json").path,
                                                 directory.appendingPathComponent("snapshots/night-2.json").path, "--format", "json"])
        #expect(diffCode == 0, "\(diff.err)")
        let diffed = try #require(try JSONSerialization.jsonObject(with: Data(diff.out.utf8)) as? [[String: Any]])
        #expect(diffed.map(Self.summary) == changes.map(Self.summary))
        let (markdownCode, diffMarkdown) = await runCommand(["diff", directory.appendingPathComponent("snapshots/night-1.json").path,
                                                             directory.appendingPathComponent("snapshots/night-2.json").path])
        #expect(markdownCode == 0)
        #expect(diffMarkdown.out.contains("11 change(s).") && diffMarkdown.out.contains("### Integrator logins (2)"))
    }

    @Test func aReportBaselineGivesNullChangesAndSaysWhy() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, _) = await runCommand(["scan", "--demo", "--quiet", "--output-dir", directory.appendingPathComponent("a").path])
        #expect(first == 1)
        let (second, output) = await runCommand(["scan", "--demo", "--quiet", "--output-dir", directory.appendingPathComponent("b").path,
                                                 "--baseline", directory.appendingPathComponent("a/v360audit.json").path])
        #expect(second == 1, "\(output.err)")
        let json = try Self.json(directory, "b", under: "")
        #expect(json["changes"] is NSNull)
        let markdown = try String(contentsOf: directory.appendingPathComponent("b/v360audit.md"), encoding: .utf8)
        #expect(markdown.contains("The baseline is a report, so changes in the PSA itself are not known"))
        #expect(markdown.contains("need a snapshot baseline"))
    }

    @Test(arguments: ["{\"format\": \"nope\"}", "[]", "{\"tool\": {\"name\": \"other\"}}", "not json"])
    func aBaselineThatIsNeitherExits64NamingTheFile(_ text: String) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("odd.json")
        try Data(text.utf8).write(to: file)
        let (code, output) = await runCommand(["scan", "--demo", "--quiet", "--output-dir", directory.path, "--baseline", file.path])
        #expect(code == 64)
        #expect(output.err.contains(file.path))
        let (diffCode, diff) = await runCommand(["diff", file.path, file.path])
        #expect(diffCode == 64)
        #expect(diff.err.contains(file.path))
    }

    @Test func anInvalidWaiverFileExits64WithFileAndLineBeforeAnyRead() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("waivers.yml")
        try Data("waivers:\n  - {id: W, rule: api-member-admin-role, resource: x, reason: y, owner: o, created: 2026-01-01}\n".utf8).write(to: file)
        let (code, output) = await runCommand(["scan", "--demo", "--quiet", "--output-dir", directory.path, "--waivers", file.path])
        #expect(code == 64)
        #expect(output.err.contains("\(file.path):2: waiver W: missing required key 'expires'"), "\(output.err)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("v360audit.json").path))
    }

    // MARK: - Helpers

    static func json(_ directory: URL, _ date: String, under: String = "reports/") throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(under)\(date)/v360audit.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func findings(_ report: [String: Any]) -> [[String: Any]] { report["findings"] as? [[String: Any]] ?? [] }

    static func identifier(_ finding: [String: Any]) -> String? {
        (finding["resource"] as? [String: Any])?["identifier"] as? String
    }

    /// A change in a few words, to compare whole lists.
    static func summary(_ change: [String: Any]) -> String {
        let s = { (key: String) in change[key] as? String ?? "" }
        switch s("kind") {
        case "apiMember":
            return "apiMember \(s("change")) \(s("identifier"))" + (s("change") == "roleChanged" ? " \(s("from"))→\(s("to"))" : "")
        case "integratorLogin": return "integratorLogin \(s("change")) \(s("username"))"
        case "rolePermission":
            let members = (change["members"] as? [String] ?? []).joined(separator: ",")
            return "rolePermission \(s("roleName")) \(s("module"))/\(s("function")) \(s("op")) \(s("from"))→\(s("to")) \(members)"
        default: return "\(s("kind")) \(s("module"))/\(s("function")) \(s("op")) \(s("from"))→\(s("to"))"
        }
    }
}
