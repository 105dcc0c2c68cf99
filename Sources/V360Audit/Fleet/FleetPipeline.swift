import AuditRules
import Foundation
import Logging
import ManageReader
import Reports
import V360Core

/// `scan --tenants FILE`: one ``TenantScan`` per tenant, `--parallel` at a time, each into
/// `<output-dir>/<name>/`, then the fleet reports in `<output-dir>/`.
///
/// One tenant's failure never stops or hides another: a tenant whose inputs or credentials are
/// invalid is exit 64 in the fleet report, one that cannot be read is exit 2, and the others run.
/// Only what concerns the whole run (the command line, the tenants file, the command's `--rules`)
/// stops it before any PSA is read.
struct FleetPipeline {
    /// Only `--concurrency` and `--timeout` apply (each tenant's); the connection flags are refused.
    var connection: ConnectionOptions
    /// Only `--rules` and `--no-default-rules` apply (every tenant's); the single-scan inputs are refused.
    var input: InputOptions
    /// `--output-dir` (the fleet reports; each tenant in `<name>/`), `--format`, `--report-url`.
    var output: OutputOptions
    /// The gate every tenant is judged by.
    var gate: GateOptions
    /// `--notify` and `--notify-when`: one fleet summary per channel, after the fleet reports.
    var notify: NotifyOptions
    /// `--verbose` shows each tenant's info lines; `--quiet` only the tenants that could not be read.
    var logging: LoggingOptions
    /// `--tenants` and the options that go with it.
    var fleet: FleetOptions
    /// Where progress, logs and the fleet's paragraph go.
    var console: Console

    /// Runs every tenant, writes the fleet reports and sends the fleet notification.
    /// - Returns: The worst tenant's exit code (64 or 2 before 1 before 0); 2 when a fleet report
    ///   could not be written.
    /// - Throws: Usage and input errors of the whole run (64), before any PSA is read.
    func run() async throws -> Int32 {
        let singleScanFlags = [("--snapshot", input.snapshot != nil), ("--demo", input.demo),
                               ("--register", input.register != nil), ("--waivers", input.waivers != nil),
                               ("--baseline", input.baseline != nil), ("--save-snapshot", output.saveSnapshot != nil)]
            .filter(\.1).map(\.0)
        try FleetConflicts.check(connection, environment: console.environment, others: singleScanFlags)
        let logger = logging.logger(console)
        // Notification settings are inputs too: a missing variable fails now, before any read.
        // `--ca-file` is refused with --tenants, so webhooks are checked against the system's CAs.
        let notifications = try NotificationDispatcher(options: notify, environment: console.environment) { nil }
        if !notifications.channels.isEmpty && notifications.when == .changed && fleet.baselineDirectory == nil {
            logger.notice("--notify-when changed without --baseline-dir: every open finding counts as new")
        }
        let entries = try TenantsFile.load(fleet.tenants ?? "")
        let reporters = try output.reporters()
        // The command line's rules are every tenant's: loaded once, and an error in them stops the run.
        let pack = try RulePack.load(directories: input.ruleDirectoryURLs, includeBundled: !input.noDefaultRules)
        // Created once here: tenants finishing at the same time would otherwise each try.
        if let folder = fleet.saveSnapshotDirectory { try Folders.create(folder) }
        let jobs: [FleetRunner.Job] = entries.map { entry in (entry, prepare(entry, reporters: reporters, pack: pack)) }
        let tenants = await FleetRunner(parallel: fleet.parallelism, console: console, quiet: logging.quiet).run(jobs)
        let summary = FleetSummary(tenants: tenants)
        let (code, written) = FleetOutput(directory: output.outputDirectory, reporters: FleetReporters.matching(reporters),
                                          console: console).finish(summary)
        // Once per run, after every tenant's and the fleet's reports; a failed post never changes the code.
        await notifications.send(fleet: summary, reportURL: output.reportURL, reportFiles: written, console: console,
                                 logger: logger)
        return code
    }

    /// A tenant's scan, or why it cannot run (invalid credentials, CA file, …: exit 64).
    private func prepare(_ entry: TenantEntry, reporters: [any Reporter], pack: RulePack) -> Result<TenantScan, V360AuditError> {
        let console = console.prefixed(forTenant: entry.name)
        // One progress line per tenant: its own info lines only with --verbose.
        let logger = ConsoleLogHandler.logger(label: "v360audit.\(entry.name)", console: console,
                                              level: logging.verbose ? .debug : .warning)
        let source: TenantScan.Source
        if let directory = fleet.snapshotDirectory {
            source = .snapshotFile(Self.file(entry.name, in: directory))
        } else {
            do {
                let configuration = try TenantConnection.configuration(
                    entry, concurrency: connection.concurrency, timeout: connection.timeout,
                    environment: console.environment, logger: logger, now: console.now)
                let acquirer = SnapshotAcquirer(console: console, logger: logger)
                source = .live { observers in try await acquirer.fromLive(configuration, observers: observers) }
            } catch {
                return .failure(error)
            }
        }
        var baseline: String?
        var note: CoverageEntry?
        if let directory = fleet.baselineDirectory {
            let path = Self.file(entry.name, in: directory)
            if FileManager.default.fileExists(atPath: path) {
                baseline = path
            } else {
                note = CoverageEntry(area: "baseline", status: .notEvaluated,
                                     detail: "No baseline for this tenant (\(path) does not exist): every finding counts "
                                         + "as new and no change is listed. The next run with --save-snapshot-dir has one.")
            }
        }
        let files = ScanInputs.Files(
            ruleDirectories: input.ruleDirectoryURLs + entry.rules.map { URL(fileURLWithPath: $0, isDirectory: true) },
            includeBundled: !input.noDefaultRules, register: entry.register, waivers: entry.waivers, baseline: baseline,
            pack: entry.rules.isEmpty ? pack : nil)
        return .success(TenantScan(
            source: source, inputs: files, reporters: reporters,
            outputDirectory: (output.outputDirectory as NSString).appendingPathComponent(entry.name),
            saveSnapshot: fleet.saveSnapshotDirectory.map { Self.file(entry.name, in: $0) }, saveOnlyComplete: true,
            reportURL: output.reportURL, gate: gate, note: note, keepUntilExit: false, console: console, logger: logger))
    }

    /// `<directory>/<name>.json`.
    static func file(_ name: String, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".json")
    }
}
