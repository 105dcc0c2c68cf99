import Foundation
import ManageSimulator

/// `v360bench fleet`: docs/design.md's "Many PSAs" target, measured on whole `v360audit` processes.
///
/// Serves 16 tenants the size of a typical MSP (150 members, 40 API members, 40 roles × 150
/// settings rows, 5 integrator logins), each with its own simulator at 50 ms per request, then
/// times, in the same run: the 16 single `v360audit scan` processes one after another, and one
/// `v360audit scan --tenants --parallel 4` process. Prints the speed-up (target ≥ 3.2 ×) and the
/// fleet's peak RSS against one single scan's (target ≤ 5 ×), and checks every tenant's reports
/// equal its single scan's once the capture time and the snapshot hash (which differ between two
/// live reads) are masked. Exits 1 when a target is missed.
///
/// Options: `--tenants 16 --parallel 4 --latency-ms 50 --binary PATH` (default: `v360audit`
/// beside this binary).
enum FleetBenchmark {
    static func run(arguments: [String]) async throws {
        var count = 16, parallel = 4, latency = 50
        var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("v360audit").path
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch (flag, rest.popFirst()) {
            case ("--tenants", let v?): count = max(1, Int(v) ?? 16)
            case ("--parallel", let v?): parallel = max(1, Int(v) ?? 4)
            case ("--latency-ms", let v?): latency = max(0, Int(v) ?? 50)
            case ("--binary", let v?): binary = v
            default:
                throw RulesBenchmark.BenchError("usage: v360bench fleet [--tenants N] [--parallel N] [--latency-ms N] [--binary PATH]")
            }
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("v360bench-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let fixture = TenantFixture.generated(members: 150, apiMembers: 40, roles: 40, settingsPerRole: 150, integratorLogins: 5)
        let fake = fixture.credentials
        var servers: [SimulatorServer] = []
        var yaml = "tenants:\n"
        var keys: [String: String] = [:]
        for index in 0..<count {
            let server = try await SimulatorServer.start(tenant: fixture, faults: FaultPlan(latency: .milliseconds(latency)))
            servers.append(server)
            yaml += "  - name: \(name(index))\n    site: \(server.siteURL)\n    companyId: \(fake.companyId)\n"
                + "    publicKey: \(fake.publicKey)\n    privateKeyEnv: BENCH_KEY_\(index)\n    clientId: \(fake.clientId)\n"
            keys["BENCH_KEY_\(index)"] = fake.privateKey
        }
        let tenantsFile = work.appendingPathComponent("tenants.yml")
        try Data(yaml.utf8).write(to: tenantsFile)
        // The benchmark's own environment, without any CWM_* variable (refused with --tenants).
        let base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CWM_") }

        var singles: [ProcessTimer.Run] = []
        for (index, server) in servers.enumerated() {
            sync()
            var environment = base
            for (key, value) in ["CWM_SITE": server.siteURL, "CWM_COMPANY_ID": fake.companyId, "CWM_PUBLIC_KEY": fake.publicKey,
                                 "CWM_PRIVATE_KEY": fake.privateKey, "CWM_CLIENT_ID": fake.clientId] {
                environment[key] = value
            }
            let run = try ProcessTimer.run(binary, ["scan", "--quiet", "--output-dir",
                                                    work.appendingPathComponent("out/\(name(index))").path],
                                           environment: environment)
            guard [0, 1].contains(run.status) else { throw RulesBenchmark.BenchError("single scan \(index) exited \(run.status)") }
            singles.append(run)
        }
        // The fleet writes into the same folders (the reports' bytes may name them), the singles' moved aside.
        try FileManager.default.moveItem(at: work.appendingPathComponent("out"), to: work.appendingPathComponent("single"))
        sync()
        let fleetLog = work.appendingPathComponent("fleet-stderr.txt").path
        let fleet = try ProcessTimer.run(binary, ["scan", "--tenants", tenantsFile.path, "--parallel", String(parallel),
                                                  "--output-dir", work.appendingPathComponent("out").path],
                                         environment: base.merging(keys) { _, new in new }, stderrPath: fleetLog)
        guard [0, 1].contains(fleet.status) else {
            let log = (try? String(contentsOfFile: fleetLog, encoding: .utf8)) ?? ""
            throw RulesBenchmark.BenchError("the fleet scan exited \(fleet.status):\n\(log)")
        }
        for server in servers { try await server.shutdown() }

        let sequential = singles.reduce(0) { $0 + $1.wall }
        let singlePeak = singles.map(\.peakMegabytes).sorted()[singles.count / 2]
        let speedUp = sequential / fleet.wall, memory = fleet.peakMegabytes / singlePeak
        let identical = try (0..<count).filter { index in
            try sameReports(work.appendingPathComponent("out/\(name(index))"), work.appendingPathComponent("single/\(name(index))"))
        }.count
        print("tenants:  \(count) × (150 members, 40 API members, 40 roles × 150 rows, 5 integrator logins), "
              + "each on its own simulator at \(latency) ms per request; --parallel \(parallel)")
        print("binary:   \(binary)")
        print("singles:  \(f(sequential)) s for \(count) processes one after another "
              + "(each \(f(singles.map(\.wall).min() ?? 0))–\(f(singles.map(\.wall).max() ?? 0)) s, median peak RSS \(f(singlePeak)) MB)")
        print("fleet:    \(f(fleet.wall)) s, peak RSS \(f(fleet.peakMegabytes)) MB")
        let speedMet = speedUp >= 3.2, memoryMet = memory <= 5, sameMet = identical == count
        print("speed-up: \(f(speedUp)) ×  (target ≥ 3.20 ×)  \(speedMet ? "met" : "MISSED")")
        print("memory:   \(f(memory)) × one single scan's  (target ≤ 5.00 ×)  \(memoryMet ? "met" : "MISSED")")
        print("reports:  \(identical) of \(count) tenants' reports equal their single scan's (capture time and hash masked)  "
              + (sameMet ? "met" : "MISSED"))
        print(speedMet && memoryMet && sameMet ? "result:   every target met" : "result:   MISSED a target")
        if !(speedMet && memoryMet && sameMet) { throw RulesBenchmark.BenchError("a target was missed") }
    }

    /// `t01`, `t02`, …
    private static func name(_ index: Int) -> String { String(format: "t%02d", index + 1) }

    /// True when the two folders hold the same report files with the same bytes once the capture
    /// time and the snapshot hash are masked (two live reads differ in those only).
    private static func sameReports(_ a: URL, _ b: URL) throws -> Bool {
        let names = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
        guard names == (try FileManager.default.contentsOfDirectory(atPath: b.path).sorted()), !names.isEmpty else { return false }
        return try names.allSatisfy { name in
            let (left, right) = (try masked(Data(contentsOf: a.appendingPathComponent(name))),
                                 try masked(Data(contentsOf: b.appendingPathComponent(name))))
            guard left != right else { return true }
            // The first line that differs, to see what else than the capture differs.
            let pair = zip(left.split(separator: "\n"), right.split(separator: "\n")).first { $0 != $1 }
            print("differs:  \(a.lastPathComponent)/\(name): \(pair.map { "\($0.0.prefix(160)) ≠ \($0.1.prefix(160))" } ?? "length")")
            return false
        }
    }

    private static func masked(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for pattern in ["[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?", "[0-9a-f]{16,64}"] {
            text = text.replacingOccurrences(of: pattern, with: "<masked>", options: .regularExpression)
        }
        return text
    }

    private static func f(_ value: Double) -> String { String(format: "%.2f", value) }
}
