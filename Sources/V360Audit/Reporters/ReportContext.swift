import AuditRules
import Foundation

/// Everything a reporter renders: the audit result plus how the scan ran and what the gate decided.
///
/// Reporters are pure functions of this value, so the same snapshot and inputs give byte-identical
/// reports (every timestamp comes from `scan.capturedAt`, never from the clock).
struct ReportContext: Sendable {
    /// Where the snapshot came from.
    enum Source: String, Sendable, Codable {
        /// Read from a PSA over HTTPS.
        case live
        /// Loaded from a snapshot file (`--snapshot`).
        case snapshot
        /// Read from the built-in simulator tenant (`--demo`).
        case demo
    }

    /// How the scan ran.
    struct ScanInfo: Sendable, Hashable {
        /// Where the snapshot came from.
        var source: Source
        /// The PSA API host (no scheme, no port): the JUnit `hostname`.
        var site: String
        /// When the snapshot was read (the reports' only timestamp).
        var capturedAt: Date
        /// SHA-256 (hex) of the snapshot file (as read, or as `--save-snapshot` writes it), tying a report to its input.
        var snapshotSha256: String
    }

    /// The evaluated result (baseline applied when one was given).
    var result: AuditResult
    /// How the scan ran.
    var scan: ScanInfo
    /// The gate's decision.
    var gate: GateVerdict
    /// The tool version that wrote the report.
    var toolVersion: String = ToolInfo.version
    /// Where readers find the full reports (`--report-url`), for the HTML banner, the mail and
    /// notifications; nil when not given (they then name the report path).
    var reportURL: String?
    /// Findings' evidence rendered during a live read (the reports render the rest themselves).
    var renderedEvidence: RenderedEvidence?

    /// True when every PSA read a rule needed succeeded.
    var complete: Bool { result.complete }
}
