import Foundation
import ManageReader
import ManageSimulator

/// `v360bench read`: reads a generated large tenant from the simulator with the real client and
/// checks docs/design.md's live-read targets (request count and wall time), plus the speed-up over a
/// sequential client at the API's default page size of 25.
///
/// Options: `--latency-ms 50 --members 5000 --api-members 400 --roles 300 --settings 150
/// --integrator-logins 50 --concurrency 8`.
enum ReadBenchmark {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func run(arguments: [String]) async throws {
        let options = try parse(arguments)
        let latency = options["latency-ms", default: 50]
        let members = options["members", default: 5000], apiMembers = options["api-members", default: 400]
        let roles = options["roles", default: 300], settings = options["settings", default: 150]
        let logins = options["integrator-logins", default: 50], concurrency = options["concurrency", default: 8]

        let tenant = TenantFixture.generated(members: members, apiMembers: apiMembers, roles: roles,
                                             settingsPerRole: settings, integratorLogins: logins)
        let server = try await SimulatorServer.start(tenant: tenant, faults: FaultPlan(latency: .milliseconds(latency)))
        let fake = tenant.credentials
        let configuration = ReaderConfiguration(
            site: try SiteAddress.parse(server.siteURL),
            credentials: Credentials(companyId: fake.companyId, publicKey: fake.publicKey, privateKey: fake.privateKey,
                                     clientId: fake.clientId),
            concurrency: concurrency)
        let client = ManageClient(configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try await client.readSnapshot()
        let wall = seconds(clock.now - start)
        await client.shutdown()
        let requests = server.requestLog().count
        try await server.shutdown()

        let ms = Double(latency) / 1000
        let target = 1.5 * ms * Double(2 + ceilDiv(roles, concurrency) + ceilDiv(members, 1000))
        let scannerRows = snapshot.scanner?.settings.count ?? 0
        func pages(_ size: Int) -> Int {
            1 + ceilDiv(members, size) + ceilDiv(apiMembers, size) + ceilDiv(roles, size) + roles * ceilDiv(settings, size)
                + ceilDiv(logins, size) + max(1, ceilDiv(scannerRows, size))
        }
        let minimum = pages(1000), budget = minimum + 5
        let baselineRequests = pages(25)
        let baseline = Double(baselineRequests) * ms
        let speedUp = baseline / wall
        let complete = snapshot.gaps.isEmpty && snapshot.members.count == members && snapshot.securityRoles.count == roles
        // The snapshot file side of the same tenant: deterministic encode and strict decode.
        let encodeStart = clock.now
        let data = try SnapshotStore.encode(snapshot)
        let encodeTime = seconds(clock.now - encodeStart)
        let decodeStart = clock.now
        let decoded = try SnapshotStore.decode(data, fileName: "bench.json")
        let decodeTime = seconds(clock.now - decodeStart)
        let roundTrip = decoded == snapshot
        let pass = roundTrip && complete && requests <= budget && wall <= target && speedUp >= 10

        print("""
            tenant:     \(members) members, \(apiMembers) API members, \(roles) roles × \(settings) settings, \(logins) integrator logins
            latency:    \(latency) ms per request, concurrency \(concurrency)
            complete:   \(complete ? "yes" : "NO (\(snapshot.gaps.count) gaps)")
            requests:   \(requests) (minimum \(minimum), budget \(budget))
            wall time:  \(format(wall)) s (target \(format(target)) s = 1.5 × \(latency) ms × (2 + ⌈\(roles)/\(concurrency)⌉ + ⌈\(members)/1000⌉))
            baseline:   sequential, pageSize 25: \(baselineRequests) requests × \(latency) ms = \(format(baseline)) s
            speed-up:   \(format(speedUp))× (need ≥ 10×)
            snapshot:   \(data.count / 1024) KiB, encode \(format(encodeTime)) s, strict decode \(format(decodeTime)) s, round trip \(roundTrip ? "exact" : "DIFFERS")
            result:     \(pass ? "PASS" : "FAIL")
            """)
        if !pass { throw Failed(description: "read benchmark failed its targets") }
    }

    private static func parse(_ arguments: [String]) throws -> [String: Int] {
        var options: [String: Int] = [:]
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard flag.hasPrefix("--"), let text = iterator.next(), let value = Int(text), value > 0 else {
                throw Failed(description: "usage: v360bench read [--latency-ms N] [--members N] [--api-members N] "
                             + "[--roles N] [--settings N] [--integrator-logins N] [--concurrency N]")
            }
            options[String(flag.dropFirst(2))] = value
        }
        return options
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
