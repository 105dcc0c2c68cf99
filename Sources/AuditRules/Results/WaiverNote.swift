import Foundation

/// The waiver that suppressed a finding, as reports show it.
public struct WaiverNote: Codable, Sendable, Hashable {
    /// The waiver's id, e.g. `W-2026-004`.
    public var id: String
    /// Why the risk is accepted.
    public var reason: String
    /// Who accepted it.
    public var owner: String?
    /// Last day the waiver applies (`YYYY-MM-DD`), if it expires.
    public var expires: String?

    /// Creates a waiver note.
    public init(id: String, reason: String, owner: String? = nil, expires: String? = nil) {
        self.id = id
        self.reason = reason
        self.owner = owner
        self.expires = expires
    }
}
