import AuditRules
import Foundation
import Logging
import ManageReader
import Reports
import V360Core

/// The `scan` command's work for one PSA: check the options, run the ``TenantScan``, print the
/// summary, decide the code. (`scan --tenants` goes to ``FleetPipeline`` instead.)
struct ScanPipeline {
    var connection: ConnectionOptions
    var input: InputOptions
    var output: OutputOptions
    var gate: GateOptions
    var notify: NotifyOptions
    var logging: LoggingOptions
    var console: Console

    /// Runs the scan.
    /// - Returns: 0 (passed), 1 (gate failed) or 2 (incomplete); reports are written in every case.
    /// - Throws: Input errors (64) before any read; a read that could not start at all (2).
    func run() async throws -> Int32 {
        let logger = logging.logger(console)
        // Notification settings are inputs too: a missing variable fails now, before any read.
        let notifications = try NotificationDispatcher(options: notify, environment: console.environment) { () throws(V360AuditError) in
            try connection.trustedCertificates(environment: console.environment)
        }
        if !notifications.channels.isEmpty && notifications.when == .changed && input.baseline == nil {
            logger.notice("--notify-when changed without --baseline: every open finding counts as new")
        }
        let source: TenantScan.Source
        if let path = input.snapshot {
            source = .snapshotFile(path)
        } else if input.demo {
            source = .demo
        } else {
            let acquirer = SnapshotAcquirer(console: console, logger: logger)
            source = .live { [connection] observers in try await acquirer.fromLive(connection, observers: observers) }
        }
        let scan = TenantScan(source: source, inputs: ScanInputs.Files(input), reporters: try output.reporters(),
                              outputDirectory: output.outputDirectory, saveSnapshot: output.saveSnapshot,
                              reportURL: output.reportURL, gate: gate, console: console, logger: logger)
        let outcome = try await scan.run()
        console.out(ScanSummary(context: outcome.context, files: outcome.written).paragraph)
        // Once, after the reports are written; a failed post never changes the exit code.
        await notifications.send(outcome.context, reportFiles: outcome.written, console: console, logger: logger)
        // A snapshot that could not be saved is tomorrow's missing baseline: the run did not
        // produce its outputs, so it is never a pass, but the reports above are still written.
        if let unsaved = outcome.unsaved { console.error(unsaved.description) }
        return outcome.exitCode
    }

    /// The report context for a result and the snapshot's fingerprint.
    static func context(_ result: AuditResult, snapshot: TenantSnapshot, sha256: String, source: ReportContext.Source,
                        gate: GateOptions) -> ReportContext {
        let scan = ReportContext.ScanInfo(source: source, site: snapshot.source.site,
                                          capturedAt: snapshot.source.capturedAt, snapshotSha256: sha256)
        let verdict = GateVerdict(result: result, failOn: gate.failOn, failOnNew: gate.failOnNew)
        return ReportContext(result: result, scan: scan, gate: verdict)
    }
}
