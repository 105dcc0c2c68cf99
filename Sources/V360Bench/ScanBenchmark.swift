import Foundation
import ManageReader
import ManageSimulator

/// `v360bench scan`: docs/design.md's performance targets, measured on whole `v360audit` processes.
///
/// Generates the target tenant with its register and 25 tool profiles (``BenchTenant``), serves it
/// with `ManageSimulator` on loopback at 50 ms per request, and times, each `--runs` times: the read
/// alone (the real client in this process: what a well-written concurrent read needs), then whole
/// `v360audit` processes from spawn to exit with reports written: `snapshot`, the live `scan`, and
/// the offline `scan --snapshot`. Prints medians against the targets; exits 1 when one is missed.
///
/// Options: `--runs 3 --latency-ms 50 --binary PATH` (default: `v360audit` beside this binary),
/// `--keep DIR` (write the tenant's snapshot, register and profiles there and keep them, to
/// profile an offline scan with `perf record`).
enum ScanBenchmark {
    static func run(arguments: [String]) async throws {
        var runs = 3, latency = 50
        var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("v360audit").path
        var keep: String?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst()
            switch (flag, value) {
            case ("--runs", let v?): runs = max(1, Int(v) ?? 3)
            case ("--latency-ms", let v?): latency = max(0, Int(v) ?? 50)
            case ("--binary", let v?): binary = v
            case ("--keep", let v?): keep = v
            default: throw RulesBenchmark.BenchError("usage: v360bench scan [--runs N] [--latency-ms N] [--binary PATH] [--keep DIR]")
            }
        }
        let tenant = BenchTenant()
        let work = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("v360bench-\(UUID().uuidString)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }
        let (rules, register) = try tenant.writeInputs(to: work)
        let snapshotFile = work.appendingPathComponent("snapshot.json").path

        let server = try await SimulatorServer.start(tenant: tenant.fixture, faults: FaultPlan(latency: .milliseconds(latency)))
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in tenant.environment(site: server.siteURL) { environment[name] = value }
        let inputs = ["--register", register.path, "--rules", rules.path]
        let liveLog = work.appendingPathComponent("live-stderr.txt").path

        var read: [Double] = [], snapshot: [Double] = [], live: [Double] = [], offline: [Double] = []
        var offlinePeak: [Double] = [], liveRequests: [Int] = [], ownReadRatios: [Double] = []
        for _ in 0..<runs {
            // Each measurement starts with the files of the one before written back (sync): the
            // kernel writes a run's 50 MB of snapshot and reports back some seconds after it ends,
            // which would otherwise land on whichever measurement comes next.
            sync()
            read.append(try await readAlone(server, tenant))
            sync()
            let snap = try ProcessTimer.run(binary, ["snapshot", "--out", snapshotFile, "--quiet"], environment: environment)
            try check(snap, "snapshot", allowed: [0])
            snapshot.append(snap.wall)
            server.clearRequestLog()
            sync()
            // Not quiet: the scan logs how long its own read took, the other way to see its overhead.
            let scan = try ProcessTimer.run(binary, ["scan", "--output-dir", work.appendingPathComponent("live").path] + inputs,
                                            environment: environment, stderrPath: liveLog)
            try check(scan, "live scan", allowed: [0, 1])
            live.append(scan.wall)
            ownReadRatios.append(scan.wall / (try Self.loggedRead(liveLog)))
            liveRequests.append(server.requestLog().count)
            sync()
            let off = try ProcessTimer.run(binary, ["scan", "--snapshot", snapshotFile,
                                                    "--output-dir", work.appendingPathComponent("offline").path, "--quiet"] + inputs,
                                           environment: environment)
            try check(off, "offline scan", allowed: [0, 1])
            offline.append(off.wall)
            offlinePeak.append(off.peakMegabytes)
        }
        try await server.shutdown()

        let ms = Double(latency) / 1000
        let minimum = pages(1000), sequential = Double(pages(25)) * ms
        let r = median(read), s = median(snapshot), l = median(live), o = median(offline), peak = median(offlinePeak)
        let requests = liveRequests.max() ?? 0
        let bytes = (try? FileManager.default.attributesOfItem(atPath: snapshotFile)[.size] as? Int) ?? 0
        var failed = false
        func line(_ label: String, _ value: String, _ target: String, _ ok: Bool) {
            if !ok { failed = true }
            print(label.padding(toLength: 26, withPad: " ", startingAt: 0) + value.padding(toLength: 30, withPad: " ", startingAt: 0)
                  + target.padding(toLength: 34, withPad: " ", startingAt: 0) + (ok ? "met" : "MISSED"))
        }
        print("machine:  \(machine())")
        print("tenant:   \(BenchTenant.memberCount) members (\(BenchTenant.apiMemberCount) API), \(BenchTenant.roleCount) roles × "
              + "\(BenchTenant.rowCount) rows, \(BenchTenant.loginCount) integrator logins; \(tenant.keyCount) keys over "
              + "\(BenchTenant.profileCount) profiles; snapshot \(bytes / 1024) KiB; \(latency) ms per request; \(runs) runs, medians")
        print("binary:   \(binary)")
        line("read alone (in process)", "\(f(r)) s", "(reference)", true)
        line("snapshot process", "\(f(s)) s", "≤ read + 0.2 s = \(f(r + 0.2)) s", s <= r + 0.2)
        line("live scan process", "\(f(l)) s (\(f(l / r))× read)", "≤ 1.1 × read = \(f(1.1 * r)) s", l <= 1.1 * r)
        line("live scan / its own read", "\(f(median(ownReadRatios)))× its logged read", "≤ 1.1",
             median(ownReadRatios) <= 1.1)
        line("live scan requests", "\(requests)", "≤ minimum \(minimum) + 5", requests <= minimum + 5)
        line("vs sequential, page 25", "\(f(sequential / l))× (\(f(sequential)) s)", "≥ 20×", sequential / l >= 20)
        line("offline scan process", "\(f(o)) s", "≤ 0.50 s", o <= 0.5)
        line("offline scan peak RSS", "\(f(peak)) MB", "≤ 150 MB", peak <= 150)
        print("samples:  read \(list(read)); snapshot \(list(snapshot)); live \(list(live)); offline \(list(offline)); "
              + "offline MB \(list(offlinePeak))")
        print(failed ? "result:   MISSED a target" : "result:   every target met")
        if failed { throw RulesBenchmark.BenchError("a target was missed") }
    }

    /// The read alone: the real client, in this process, against the same server.
    private static func readAlone(_ server: SimulatorServer, _ tenant: BenchTenant) async throws -> Double {
        let fake = tenant.fixture.credentials
        let client = ManageClient(configuration: ReaderConfiguration(
            site: try SiteAddress.parse(server.siteURL),
            credentials: Credentials(companyId: fake.companyId, publicKey: fake.publicKey, privateKey: fake.privateKey,
                                     clientId: fake.clientId)))
        let start = DispatchTime.now()
        let snapshot = try await client.readSnapshot()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        await client.shutdown()
        guard snapshot.isComplete else { throw RulesBenchmark.BenchError("the read alone was incomplete") }
        return wall
    }

    /// The read's duration as a live scan logs it ("Read … in 2s 383ms"), in seconds.
    private static func loggedRead(_ path: String) throws -> Double {
        let log = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard let line = log.split(separator: "\n").first(where: { $0.hasPrefix("Read ") }),
              let range = line.range(of: " in ", options: .backwards) else {
            throw RulesBenchmark.BenchError("the live scan did not log its read (\(path))")
        }
        var seconds = 0.0
        for part in line[range.upperBound...].split(separator: " ") {
            let text = part.trimmingCharacters(in: CharacterSet(charactersIn: ";,"))
            if text.hasSuffix("ms"), let value = Double(text.dropLast(2)) { seconds += value / 1000 }
            else if text.hasSuffix("s"), let value = Double(text.dropLast()) { seconds += value }
        }
        guard seconds > 0 else { throw RulesBenchmark.BenchError("cannot read the duration in: \(line)") }
        return seconds
    }

    private static func check(_ run: ProcessTimer.Run, _ what: String, allowed: Set<Int32>) throws {
        guard allowed.contains(run.status) else { throw RulesBenchmark.BenchError("\(what) exited \(run.status)") }
    }

    /// Requests a client needs at `size` rows per page: companyinfo, the lists, one settings list
    /// per role (150 rows fit one page of 1,000), and the scanner's own rows.
    private static func pages(_ size: Int) -> Int {
        func div(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
        return 1 + div(BenchTenant.memberCount, size) + div(BenchTenant.apiMemberCount, size) + div(BenchTenant.roleCount, size)
            + BenchTenant.roleCount * div(BenchTenant.rowCount, size) + div(BenchTenant.loginCount, size)
            + div(BenchTenant.rowCount, size)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func f(_ value: Double) -> String { String(format: "%.2f", value) }
    private static func list(_ values: [Double]) -> String { values.map(f).joined(separator: "/") }

    private static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
    }
}
