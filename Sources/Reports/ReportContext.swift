import AuditRules
import Foundation

/// Everything a reporter renders: the audit result plus how the scan ran and what the gate decided.
///
/// Reporters are pure functions of this value, so the same snapshot and inputs give byte-identical
/// reports (every timestamp comes from `scan.capturedAt`, never from the clock).
package struct ReportContext: Sendable {
    /// Where the snapshot came from.
    package enum Source: String, Sendable, Codable {
        /// Read from a PSA over HTTPS.
        case live
        /// Loaded from a snapshot file (`--snapshot`).
        case snapshot
        /// Read from the built-in simulator tenant (`--demo`).
        case demo
    }

    /// How the scan ran.
    package struct ScanInfo: Sendable, Hashable {
        /// Where the snapshot came from.
        package var source: Source
        /// The PSA API host (no scheme, no port): the JUnit `hostname`.
        package var site: String
        /// When the snapshot was read (the reports' only timestamp).
        package var capturedAt: Date
        /// SHA-256 (hex) of the snapshot file (as read, or as `--save-snapshot` writes it), tying a report to its input.
        package var snapshotSha256: String

        /// Describes a scan.
        package init(source: Source, site: String, capturedAt: Date, snapshotSha256: String) {
            self.source = source
            self.site = site
            self.capturedAt = capturedAt
            self.snapshotSha256 = snapshotSha256
        }
    }

    /// The evaluated result (baseline applied when one was given).
    package var result: AuditResult
    /// How the scan ran.
    package var scan: ScanInfo
    /// The gate's decision.
    package var gate: GateVerdict
    /// The tool version that wrote the report.
    package var toolVersion: String
    /// Where readers find the full reports (`--report-url`), for the HTML banner, the mail and
    /// notifications; nil when not given (they then name the report path).
    package var reportURL: String?
    /// The `--output-dir` as given, so the mail can say where the full reports are when there is
    /// no `reportURL`; nil when reports are rendered without being written (tests).
    package var reportDirectory: String?
    /// Findings' evidence rendered during a live read (the reports render the rest themselves).
    package var renderedEvidence: RenderedEvidence?

    /// True when every PSA read a rule needed succeeded.
    package var complete: Bool { result.complete }

    /// A context; the tool version defaults to this build's.
    package init(result: AuditResult, scan: ScanInfo, gate: GateVerdict, toolVersion: String = ToolInfo.version,
                 reportURL: String? = nil, reportDirectory: String? = nil, renderedEvidence: RenderedEvidence? = nil) {
        self.result = result
        self.scan = scan
        self.gate = gate
        self.toolVersion = toolVersion
        self.reportURL = reportURL
        self.reportDirectory = reportDirectory
        self.renderedEvidence = renderedEvidence
    }
}
