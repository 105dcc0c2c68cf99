import Foundation

/// A note on what the scan could or could not see or judge.
public struct CoverageEntry: Codable, Sendable, Hashable {
    /// How complete an area is.
    public enum Status: String, Codable, Sendable {
        /// Read and evaluated in full.
        case complete
        /// PSA data could not be read: makes the scan incomplete (exit 2).
        case missing
        /// Not evaluated because user input is missing (register, profile, key date): no exit-code effect.
        case notEvaluated = "not-evaluated"
        /// Evaluated on an assumption worth knowing, e.g. an unverified tool profile or an unknown level.
        case caveat
    }

    /// The area, e.g. `members`, `role-settings`, `key-register`, `tool-profile:email-reconnector`.
    public var area: String
    /// How complete it is.
    public var status: Status
    /// One or two sentences; names endpoints and statuses, never secrets.
    public var detail: String

    /// Creates a coverage entry.
    public init(area: String, status: Status, detail: String) {
        self.area = area
        self.status = status
        self.detail = detail
    }
}
