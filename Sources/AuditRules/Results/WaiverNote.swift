import Foundation

/// The waiver that suppressed a finding, as reports show it.
public struct WaiverNote: Codable, Sendable, Hashable {
    /// The waiver's id, e.g. `W-2026-004`.
    public var id: String
    /// Why the risk is accepted.
    public var reason: String
    /// Who accepted it.
    public var owner: String?
    /// The day the waiver was granted (`YYYY-MM-DD`).
    public var created: String?
    /// Last day the waiver applies (`YYYY-MM-DD`).
    public var expires: String?
    /// The change or risk ticket that records the decision, if any.
    public var ticket: String?
    /// The finding fingerprint the waiver is pinned to, if any.
    public var fingerprint: String?

    /// Creates a waiver note.
    public init(id: String, reason: String, owner: String? = nil, created: String? = nil, expires: String? = nil,
                ticket: String? = nil, fingerprint: String? = nil) {
        self.id = id
        self.reason = reason
        self.owner = owner
        self.created = created
        self.expires = expires
        self.ticket = ticket
        self.fingerprint = fingerprint
    }
}
