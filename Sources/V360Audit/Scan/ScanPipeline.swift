import AuditRules
import Foundation
import Logging
import ManageReader
import Reports
import V360Core

/// The `scan` command's work: load inputs, get the snapshot, evaluate, write reports, decide the code.
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
        let reporters = try output.reporters()
        // Notification settings are inputs too: a missing variable fails now, before any read.
        let notifications = try NotificationDispatcher(options: notify, environment: console.environment) { () throws(V360AuditError) in
            try connection.trustedCertificates(environment: console.environment)
        }
        // An offline scan decodes its snapshot file on the other core while the inputs load (both
        // are pure); the inputs' errors still come first, as for a live scan.
        let decoding = input.snapshot.map { path in
            Task.detached { try SnapshotStore.loadKeepingData(from: URL(fileURLWithPath: path)) }
        }
        let logger = logging.logger(console)
        let acquirer = SnapshotAcquirer(console: console, logger: logger)
        // A live read is mostly waiting on the PSA, so it starts now and the inputs load meanwhile.
        // Their errors still come first, and a bad input cancels the read after a request or two.
        // The lists and roles are encoded as they arrive, for the fingerprint (and --save-snapshot),
        // each role's overbroad findings are worked out then (once the inputs are in), and their
        // evidence is rendered for the reports: each on a queue of its own, beside the read.
        let fragments = SnapshotFragments()
        let renderer = EvidenceRenderer()
        let preparation = AuditPreparation(whenJudged: { renderer.render($0) })
        let reading = input.snapshot == nil && !input.demo
            ? Task { [connection] in try await acquirer.fromLive(connection, observers: [fragments, preparation]) }
            : nil
        let inputs: ScanInputs
        do {
            inputs = try ScanInputs.load(input)
            if reading != nil { preparation.begin(pack: inputs.pack, register: inputs.register) }
        } catch {
            reading?.cancel()
            throw error
        }
        if gate.failOnNew && inputs.baseline == nil {
            logger.warning("--fail-on-new without --baseline: every finding counts as new")
        }
        if !notifications.channels.isEmpty && notifications.when == .changed && inputs.baseline == nil {
            logger.notice("--notify-when changed without --baseline: every open finding counts as new")
        }
        let snapshot: TenantSnapshot
        let fileData: Data?
        let source: ReportContext.Source
        if let decoding {
            (snapshot, fileData) = try await decoding.value
            source = .snapshot
        } else if let reading {
            (snapshot, fileData) = (try await reading.value, nil)
            source = .live
        } else {
            (snapshot, fileData) = (try await acquirer.fromDemo(), nil)
            source = .demo
        }
        // The fingerprint is the SHA-256 of the snapshot file: the file as read for an offline scan,
        // else the canonical encoding (the bytes --save-snapshot writes), so `sha256sum` matches.
        // It only reads the snapshot, so it runs beside the evaluation instead of before it.
        let fingerprinting = Task.detached { [saveSnapshot = output.saveSnapshot] in
            await Self.fingerprint(snapshot, fileData: fileData, fragments: fragments, saveTo: saveSnapshot,
                                       logger: logger)
        }
        let prepared = reading != nil ? await preparation.prepared() : nil
        let result = inputs.evaluate(snapshot, prepared: prepared)
        let (fingerprint, unsaved) = await fingerprinting.value
        var context = Self.context(result, snapshot: snapshot, sha256: fingerprint,
                                   source: source, gate: gate)
        context.reportURL = output.reportURL
        context.reportDirectory = output.outputDirectory
        if reading != nil { context.renderedEvidence = await renderer.renderings() }
        let written = try ReportWriter(directory: output.outputDirectory).write(reporters, context: context)
        console.out(ScanSummary(context: context, files: written).paragraph)
        // Once, after the reports are written; a failed post never changes the exit code.
        await notifications.send(context, reportFiles: written, console: console, logger: logger)
        // A snapshot that could not be saved is tomorrow's missing baseline: the run did not
        // produce its outputs, so it is never a pass, but the reports above are still written.
        if let unsaved {
            console.error(unsaved.description)
            ExitLifetime.keep([context, snapshot, inputs, prepared, fragments, preparation, renderer] as [any Sendable])
            return ExitStatus.incomplete
        }
        // Freeing tens of megabytes of values one by one would only delay the exit.
        ExitLifetime.keep([context, snapshot, inputs, prepared, fragments, preparation, renderer] as [any Sendable])
        return ExitStatus.forScan(complete: context.complete, gatePassed: context.gate.passed)
    }

    /// The SHA-256 of the snapshot file, saving the canonical encoding to `path` when asked (and
    /// the save's failure, if it failed: the scan still writes its reports, then exits 2).
    /// An offline scan hashes the file as read and is not re-encoded unless it is saved: for a
    /// large tenant encoding costs as much as the decode. A live scan's encoding splices in what
    /// `fragments` encoded during the read, and its hash resumes from what they hashed then.
    private static func fingerprint(_ snapshot: TenantSnapshot, fileData: Data?, fragments: SnapshotFragments,
                                    saveTo path: String?, logger: Logger) async -> (String, V360CoreError?) {
        if let fileData {
            let failure = path.flatMap { path in
                save(logger: logger, path) { () throws(V360CoreError) in try SnapshotStore.save(snapshot, to: URL(fileURLWithPath: path)) }
            }
            return (SnapshotStore.sha256Hex(fileData), failure)
        }
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        let failure = path.flatMap { path in
            save(logger: logger, path) { () throws(V360CoreError) in try SnapshotStore.write(parts: parts, to: URL(fileURLWithPath: path)) }
        }
        return (await fragments.sha256Hex(of: parts), failure)
    }

    /// Runs a snapshot save, logging success and returning its failure.
    private static func save(logger: Logger, _ path: String, _ write: () throws(V360CoreError) -> Void) -> V360CoreError? {
        do {
            try write()
            logger.info("Saved the snapshot to \(path)")
            return nil
        } catch {
            return error
        }
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
