import Foundation
import ManageReader
import Reports
import V360Core

/// `snapshot --tenants FILE --out-dir DIR`: the single `snapshot` for every tenant, `parallel` at a
/// time, each into `DIR/<name>.json`; one line per tenant on stdout as it is written.
struct FleetSnapshot {
    /// The tenants file.
    var tenantsFile: String
    /// The folder the snapshots go to (created if missing).
    var outDirectory: String
    /// The command's connection options (only `--concurrency` and `--timeout` may be given).
    var connection: ConnectionOptions
    /// Logging flags.
    var logging: LoggingOptions
    /// Where the lines and logs go.
    var console: Console
    /// Tenants read at once.
    var parallel = FleetOptions.defaultParallel

    /// Pulls every tenant.
    /// - Returns: The worst tenant's code: 0 complete, 2 a read failed or a file could not be
    ///   written, 64 invalid credentials.
    /// - Throws: Usage errors and an invalid tenants file (64), before any PSA is read.
    func run() async throws -> Int32 {
        try FleetConflicts.check(connection, environment: console.environment)
        let entries = try TenantsFile.load(tenantsFile)
        try Folders.create(outDirectory)
        let codes = await entries.boundedMap(limit: parallel) { entry in await pull(entry) }
        return FleetTenant.worst(codes)
    }

    /// One tenant: read, write, say so.
    private func pull(_ entry: TenantEntry) async -> Int32 {
        let console = console.prefixed(forTenant: entry.name)
        let logger = ConsoleLogHandler.logger(label: "v360audit.\(entry.name)", console: console,
                                              level: logging.verbose ? .debug : .warning)
        let path = (outDirectory as NSString).appendingPathComponent(entry.name + ".json")
        do {
            let configuration = try TenantConnection.configuration(
                entry, concurrency: connection.concurrency, timeout: connection.timeout,
                environment: console.environment, logger: logger, now: console.now)
            let line = try await SnapshotPull(console: console, logger: logger)
                .pull(to: path) { observers in
                    try await SnapshotAcquirer(console: console, logger: logger).fromLive(configuration, observers: observers)
                }
            self.console.out("\(entry.name): \(line.text)")
            return line.complete ? ExitStatus.passed : ExitStatus.incomplete
        } catch {
            let wrapped = V360AuditError.wrap(error)
            console.error(wrapped.description)
            return wrapped.exitCode
        }
    }
}
