import Foundation
import Logging
import ManageReader
import Reports
import V360Core

/// `doctor --tenants FILE`: the single `doctor` for every tenant, `parallel` at a time, printed as
/// one block per tenant in the file's order.
struct FleetDoctor {
    /// The tenants file.
    var tenantsFile: String
    /// The command's connection options (only `--concurrency` and `--timeout` may be given).
    var connection: ConnectionOptions
    /// Logging flags.
    var logging: LoggingOptions
    /// Where the blocks and warnings go.
    var console: Console
    /// Tenants checked at once.
    var parallel = FleetOptions.defaultParallel

    /// Checks every tenant.
    /// - Returns: 0 when every tenant is reachable and authenticates; else the worst tenant's code
    ///   (64 for invalid credentials or CA file, 2 for unreachable or not authenticated).
    /// - Throws: Usage errors and an invalid tenants file (64), before any PSA is contacted.
    func run() async throws -> Int32 {
        try FleetConflicts.check(connection, environment: console.environment)
        let entries = try TenantsFile.load(tenantsFile)
        let results = await entries.boundedMap(limit: parallel) { entry in await check(entry) }
        for (entry, (_, lines)) in zip(entries, results) {
            console.out("== \(entry.name) (\(entry.site))")
            for line in lines { console.out(line) }
        }
        let codes = results.map(\.0)
        return FleetTenant.worst(codes)
    }

    /// One tenant's doctor: its exit code and its block's lines.
    private func check(_ entry: TenantEntry) async -> (Int32, [String]) {
        let console = console.prefixed(forTenant: entry.name)
        let logger = logging.logger(console)
        let configuration: ReaderConfiguration
        do {
            configuration = try TenantConnection.configuration(
                entry, concurrency: connection.concurrency, timeout: connection.timeout,
                environment: console.environment, logger: logger, now: console.now)
        } catch {
            return (error.exitCode, ["FAIL \(error.description)"])
        }
        let client = console.client(configuration)
        let report = await client.doctor()
        await client.shutdown()
        for problem in report.problems { console.warn(problem) }
        let passed = report.reachable && report.authenticated == true
        return (passed ? ExitStatus.passed : ExitStatus.incomplete,
                DoctorRendering.lines(report, credentials: configuration.credentials))
    }
}
