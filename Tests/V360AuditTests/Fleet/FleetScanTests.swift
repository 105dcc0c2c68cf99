import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `scan --tenants` against a fleet of simulators: one tenant answering 500 to every member list,
/// one with a wrong key (401), two healthy ones.
@Suite struct FleetScanTests {
    static let reports = ["v360audit.junit.xml", "v360audit.md", "v360audit.json", "v360audit.html"]

    static func fleet(in directory: URL) async throws -> FleetTestBed {
        try await FleetTestBed.start([
            .init(name: "alpha", keyInFile: true, register: DemoTenant.registerYAML),
            .init(name: "bravo", fixture: DemoTenant.nextNight),
            .init(name: "charlie", faults: FaultPlan(pathFaults: [.status(500, on: "/system/members")])),
            .init(name: "delta", wrongKey: "WrongDeltaKey99"),
        ], in: directory)
    }

    @Test func oneFailingTenantNeverHidesTheOthers() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = try await Self.fleet(in: directory)
        let reportsPath = directory.appendingPathComponent("reports")
        let saved = directory.appendingPathComponent("snapshots")
        let (code, output) = await runPinned(["scan", "--tenants", bed.tenantsFile.path, "--output-dir", reportsPath.path,
                                              "--parallel", "2", "--save-snapshot-dir", saved.path],
                                             environment: bed.environment)
        // The fleet's reports move aside; each single scan then writes into the very folder the
        // fleet wrote that tenant's reports in, with the same inputs and the same capture clock.
        let out = directory.appendingPathComponent("fleet")
        try FileManager.default.moveItem(at: reportsPath, to: out)
        var singles: [String: Int32] = [:]
        for name in ["alpha", "bravo", "delta"] {
            let (arguments, environment) = bed.single(name, outputDir: reportsPath.appendingPathComponent(name).path)
            singles[name] = await runPinned(arguments, environment: environment).code
        }
        await bed.shutdown()

        #expect(code == 2, "\(output.err)")
        #expect(singles == ["alpha": 1, "bravo": 1, "delta": 2])
        // Every tenant's reports (all of --format's default set) are exactly its single scan's, failing ones included.
        for name in ["alpha", "bravo", "delta"] {
            let fleet = try filesUnder(out.appendingPathComponent(name))
            #expect(Set(fleet.keys) == Set(Self.reports), "\(name): \(fleet.keys.sorted())")
            #expect(fleet == (try filesUnder(reportsPath.appendingPathComponent(name))), "\(name) differs from its single scan")
        }
        let charlie = try String(contentsOf: out.appendingPathComponent("charlie/v360audit.json"), encoding: .utf8)
        #expect(charlie.contains("\"complete\" : false"))

        // The fleet JSON lists every tenant with its exit code, worst first.
        let json = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("v360audit-fleet.json"))) as? [String: Any])
        let fleet = try #require(json["fleet"] as? [String: Any])
        #expect(fleet["tenants"] as? Int == 4 && fleet["complete"] as? Int == 2 && fleet["failed"] as? Int == 2)
        let tenants = try #require(json["tenants"] as? [[String: Any]])
        #expect(tenants.prefix(2).allSatisfy { ($0["exitCode"] as? Int) == 2 })
        let codes = Dictionary(uniqueKeysWithValues: tenants.map { ($0["name"] as! String, $0["exitCode"] as! Int) })
        #expect(codes == ["alpha": 1, "bravo": 1, "charlie": 2, "delta": 2])
        let alpha = try #require(tenants.first { $0["name"] as? String == "alpha" })
        #expect(alpha["report"] as? String == "alpha/v360audit.json")
        #expect(alpha["complete"] as? Bool == true && alpha["error"] is NSNull)
        let delta = try #require(tenants.first { $0["name"] as? String == "delta" })
        #expect((delta["error"] as? String)?.contains("401") == true || (delta["error"] as? String)?.contains("uthentication") == true)
        let findings = try #require(json["findings"] as? [[String: Any]])
        // The incomplete tenant's findings on what it could read count too; the one that read nothing has none.
        #expect(!findings.isEmpty && !findings.contains { $0["tenant"] as? String == "delta" })
        #expect(findings.first?["severity"] as? String == "critical")

        // One progress line per tenant on stderr; the failing ones say why.
        let progress = output.err.split(separator: "\n").filter { $0.contains(") in ") && $0.contains(" s") }
        #expect(progress.count == 4, "\(output.err)")
        #expect(output.err.contains("alpha: FAILED (exit 1) in "))
        #expect(output.err.contains("charlie: INCOMPLETE (exit 2) in "))

        // Only complete reads are saved (an incomplete one must not replace last night's baseline).
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: saved.path)) == ["alpha.json", "bravo.json"])

        let junit = try String(contentsOf: out.appendingPathComponent("v360audit-fleet.junit.xml"), encoding: .utf8)
        for schema in TestPaths.schemas { #expect(XSDValidator.isValid(junit, schema: schema), "\(schema.lastPathComponent)") }
        #expect(junit.contains("classname=\"alpha.v360audit.api-member-admin-role\""))
        #expect(junit.contains("name=\"charlie.api-member-admin-role\""))

        let markdown = try String(contentsOf: out.appendingPathComponent("v360audit-fleet.md"), encoding: .utf8)
        #expect(markdown.contains("**INCOMPLETE"))
        let html = try String(contentsOf: out.appendingPathComponent("v360audit-fleet.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"alpha/v360audit.html\">alpha</a>"))
        #expect(markdown.contains("## Tenants that could not be read"))
        #expect(markdown.contains("[alpha](alpha/v360audit.md)"))
        #expect(output.out.contains("v360audit fleet INCOMPLETE (exit 2): 4 tenant(s)"))

        // No key, of any tenant, anywhere.
        let written = try filesUnder(out).values.map { String(decoding: $0, as: UTF8.self) }
        for secret in bed.secrets {
            #expect(!output.out.contains(secret) && !output.err.contains(secret))
            #expect(!written.contains { $0.contains(secret) })
        }
    }

    /// A tenant whose register is invalid is exit 64 in the fleet report, named with its file and
    /// line; the other tenants run and are reported.
    @Test func anInvalidTenantInputIsThatTenantsExit64() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = try await FleetTestBed.start([
            .init(name: "good", register: DemoTenant.registerYAML),
            .init(name: "broken", register: "keys:\n  - member: X\n    colour: red\n"),
        ], in: directory)
        let out = directory.appendingPathComponent("out")
        let (code, output) = await runPinned(["scan", "--tenants", bed.tenantsFile.path, "--output-dir", out.path],
                                             environment: bed.environment)
        await bed.shutdown()
        #expect(code == 64, "\(output.err)")
        #expect(output.err.contains("broken: INVALID INPUT (exit 64)"))
        #expect(output.err.contains("broken/integrations.yml:3"), "\(output.err)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("good/v360audit.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("broken/v360audit.json").path))
        let markdown = try String(contentsOf: out.appendingPathComponent("v360audit-fleet.md"), encoding: .utf8)
        #expect(markdown.contains("**broken**"))
        let junit = try String(contentsOf: out.appendingPathComponent("v360audit-fleet.junit.xml"), encoding: .utf8)
        #expect(junit.contains("classname=\"broken.v360audit.tenant\""))
        for schema in TestPaths.schemas { #expect(XSDValidator.isValid(junit, schema: schema)) }
    }

    /// A single scan's credential checks apply per tenant and name it: plain http to a host that
    /// is not loopback, whitespace inside a key. Such a tenant is exit 64 without any connection;
    /// the others run.
    @Test func eachTenantsCredentialsAreCheckedAndNamed() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = try await FleetTestBed.start([.init(name: "good", keyInFile: true)], in: directory)
        let credentials = DemoTenant.fixture.credentials
        let spaced = "dEmOpRi VaTeKeY42"
        try Data((try String(contentsOf: bed.tenantsFile, encoding: .utf8) + """
              - name: plain
                site: http://psa.plain.example
                companyId: plain
                publicKey: \(credentials.publicKey)
                privateKeyEnv: PLAIN_KEY
                clientId: \(credentials.clientId)
              - name: spaced
                site: \(bed.servers["good"]!.siteURL)
                companyId: \(credentials.companyId)
                publicKey: \(credentials.publicKey)
                privateKeyEnv: SPACED_KEY
                clientId: \(credentials.clientId)

            """).utf8).write(to: bed.tenantsFile)
        var environment = bed.environment
        environment["PLAIN_KEY"] = credentials.privateKey
        environment["SPACED_KEY"] = spaced
        let out = directory.appendingPathComponent("out")
        let (code, output) = await runPinned(["scan", "--tenants", bed.tenantsFile.path, "--output-dir", out.path],
                                             environment: environment)
        let requests = bed.servers["good"]!.requestLog()
        await bed.shutdown()
        #expect(code == 64, "\(output.err)")
        let lines = output.err.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("plain: INVALID INPUT (exit 64)") && $0.contains("psa.plain.example") })
        #expect(lines.contains { $0.hasPrefix("spaced: INVALID INPUT (exit 64)") && $0.contains("private key") })
        #expect(lines.contains { $0.hasPrefix("good: FAILED (exit 1)") })
        #expect(!output.err.contains(spaced) && !output.err.contains("VaTeKeY42"))
        // Only the good tenant's read reached its simulator (the spaced key was refused before it).
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.status != 401 })
    }
}
