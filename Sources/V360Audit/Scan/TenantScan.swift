import AuditRules
import Foundation
import Logging
import ManageReader
import Reports
import V360Core

/// One tenant's scan: load the inputs, get the snapshot, evaluate, write the reports, decide the code.
///
/// `scan` runs one of these; `scan --tenants` runs one per tenant. Both go through ``run()``, so a
/// tenant's reports in a fleet are, byte for byte, the reports a single scan of it with the same
/// inputs writes.
struct TenantScan: Sendable {
    /// Where the snapshot comes from.
    enum Source: Sendable {
        /// A live read: the closure reads the PSA, telling the observers what arrives.
        case live(@Sendable ([any ReadObserver]) async throws -> TenantSnapshot)
        /// A snapshot file, scanned offline.
        case snapshotFile(String)
        /// The built-in demo tenant, served by the simulator.
        case demo
    }

    /// Where the snapshot comes from.
    var source: Source
    /// The input files (register, rules, waivers, baseline).
    var inputs: ScanInputs.Files
    /// The reports to write.
    var reporters: [any Reporter]
    /// The report folder.
    var outputDirectory: String
    /// Where to save the snapshot read, if anywhere.
    var saveSnapshot: String?
    /// True to save it only when the read was complete (a fleet's `--save-snapshot-dir`: an
    /// incomplete read must not replace last night's good snapshot, tomorrow's baseline).
    var saveOnlyComplete = false
    /// `--report-url`.
    var reportURL: String?
    /// The gate.
    var gate: GateOptions
    /// A coverage note added to the result (a fleet tenant with no baseline in `--baseline-dir`).
    var note: CoverageEntry?
    /// True to keep the large values alive until the process exits (a single scan: freeing them
    /// one by one would only delay the exit); a fleet frees each tenant's as it finishes.
    var keepUntilExit = true
    /// Where progress and logs go.
    var console: Console
    /// The logger for this tenant.
    var logger: Logger

    /// What a finished scan produced.
    struct Outcome: Sendable {
        /// What the reports were rendered from.
        var context: ReportContext
        /// The report files written, in reporter order.
        var written: [String]
        /// The snapshot save that failed, if one did (the scan then exits 2).
        var unsaved: V360CoreError?
        /// What a live scan took of the work done during its read (nil offline).
        var reuse: ReadTimeWork.Reuse?

        /// 0, 1 or 2, as docs/design.md's exit codes define them.
        var exitCode: Int32 {
            unsaved != nil ? ExitStatus.incomplete
                : ExitStatus.forScan(complete: context.complete, gatePassed: context.gate.passed)
        }
    }

    /// Runs the scan; reports are written whether or not the read was complete.
    /// - Throws: Input errors (64) before any report; a read that could not start at all (2); a
    ///   report that could not be written (2).
    func run() async throws -> Outcome {
        // An offline scan decodes (and hashes) its snapshot file on the other core while the inputs
        // load (both are pure); the inputs' errors still come first, as for a live scan.
        let decoding: Task<(TenantSnapshot, String), any Error>?
        if case .snapshotFile(let path) = source {
            decoding = Task.detached { try SnapshotStore.loadHashed(from: URL(fileURLWithPath: path)) }
        } else {
            decoding = nil
        }
        let acquirer = SnapshotAcquirer(console: console, logger: logger)
        // A live read is mostly waiting on the PSA, so it starts now and the inputs load meanwhile.
        // Their errors still come first, and a bad input cancels the read after a request or two.
        // What can be worked out from what has arrived is done meanwhile, beside the read.
        let readTime = ReadTimeWork()
        let reading: Task<TenantSnapshot, any Error>?
        if case .live(let read) = source {
            reading = Task { [observers = readTime.observers] in try await read(observers) }
        } else {
            reading = nil
        }
        let loaded: ScanInputs
        do {
            loaded = try ScanInputs.load(inputs)
            if reading != nil { readTime.begin(pack: loaded.pack, register: loaded.register) }
        } catch {
            reading?.cancel()
            decoding?.cancel()
            throw error
        }
        if gate.failOnNew && loaded.baseline == nil && note == nil {
            logger.warning("--fail-on-new without --baseline: every finding counts as new")
        }
        let snapshot: TenantSnapshot
        let fileSHA256: String?
        let origin: ReportContext.Source
        if let decoding {
            (snapshot, fileSHA256) = try await decoding.value
            origin = .snapshot
        } else if let reading {
            (snapshot, fileSHA256) = (try await reading.value, nil)
            origin = .live
        } else {
            (snapshot, fileSHA256) = (try await acquirer.fromDemo(), nil)
            origin = .demo
        }
        let prepared = reading != nil ? await readTime.finish(snapshot: snapshot) : nil
        // The fingerprint is the SHA-256 of the snapshot file: the file as read for an offline scan,
        // else the canonical encoding (the bytes --save-snapshot writes), so `sha256sum` matches.
        // It only reads the snapshot, so it runs beside the evaluation instead of before it.
        let savePath = saveOnlyComplete && !snapshot.isComplete ? nil : saveSnapshot
        let fingerprinting = Task.detached { [logger] in
            if let prepared { return await prepared.fingerprint(saveTo: savePath, logger: logger) }
            return await SnapshotFingerprint.compute(snapshot, fileSHA256: fileSHA256, fragments: nil, saveTo: savePath,
                                                     logger: logger)
        }
        var result = loaded.evaluate(snapshot, prepared: prepared?.evaluation)
        if let note { result.coverage.append(note) }
        let (fingerprint, unsaved) = await fingerprinting.value
        var context = ScanPipeline.context(result, snapshot: snapshot, sha256: fingerprint, source: origin, gate: gate)
        context.reportURL = reportURL
        context.reportDirectory = outputDirectory
        context.renderedEvidence = await prepared?.renderings()
        let written = try await ReportWriter(directory: outputDirectory).writeOffThePool(reporters, context: context)
        let reuse = await prepared?.reuse()
        if keepUntilExit {
            // Freeing tens of megabytes of values one by one would only delay the exit.
            ExitLifetime.keep([context, snapshot, loaded, prepared, readTime] as [any Sendable])
        }
        return Outcome(context: context, written: written, unsaved: unsaved, reuse: reuse)
    }
}
