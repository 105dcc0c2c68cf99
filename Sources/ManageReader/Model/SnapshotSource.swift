import Foundation

/// Where and when a snapshot was read.
public struct SnapshotSource: Codable, Sendable, Equatable {
    /// The PSA API host the data came from (no scheme, no path), e.g. `api-na.myconnectwise.net`.
    public var site: String
    /// The codebase discovered from `/login/companyinfo`, e.g. `v2025_1/`; nil when unknown.
    public var codebase: String?
    /// The API model version requested in `Accept` (e.g. `2025.8`).
    public var apiVersion: String?
    /// The wall-clock time (UTC) at which the read started. Reports take their timestamps from here.
    public var capturedAt: Date

    /// Creates a source description.
    public init(site: String, codebase: String? = nil, apiVersion: String? = nil, capturedAt: Date) {
        self.site = site
        self.codebase = codebase
        self.apiVersion = apiVersion
        self.capturedAt = capturedAt
    }
}

extension SnapshotSource {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        // Made by the reader, never read from the API.
        SnapshotField("site", .string, required: true, request: .notRequested),
        SnapshotField("codebase", .string, request: .notRequested),
        SnapshotField("apiVersion", .string, request: .notRequested),
        SnapshotField("capturedAt", .date, required: true, request: .notRequested),
    ]
}
