import Foundation
import V360Core

/// One accepted risk of a ``WaiverSet``.
public struct Waiver: Sendable, Hashable {
    /// Waiver id.
    public var id: String
    /// Rule id it applies to.
    public var rule: String
    /// Resource label it applies to (compared case-insensitively).
    public var resource: String
    /// Why the risk is accepted.
    public var reason: String
    /// Who accepted it.
    public var owner: String
    /// The day it was granted.
    public var created: CalendarDate
    /// Last day it applies.
    public var expires: CalendarDate
    /// The ticket recording the decision.
    public var ticket: String?
    /// When set, the waiver applies only while the finding's fingerprint equals it.
    public var fingerprint: String?
    /// The line of the waiver file it was read from, when read from a file.
    public var line: Int?

    /// Creates a waiver.
    public init(id: String, rule: String, resource: String, reason: String, owner: String, created: CalendarDate,
                expires: CalendarDate, ticket: String? = nil, fingerprint: String? = nil, line: Int? = nil) {
        self.id = id
        self.rule = rule
        self.resource = resource
        self.reason = reason
        self.owner = owner
        self.created = created
        self.expires = expires
        self.ticket = ticket
        self.fingerprint = fingerprint
        self.line = line
    }

    /// The note findings carry.
    public var note: WaiverNote {
        WaiverNote(id: id, reason: reason, owner: owner, created: created.description, expires: expires.description,
                   ticket: ticket, fingerprint: fingerprint)
    }

    /// `W-1 (shared-api-member on V360API)`, as coverage caveats name it.
    var label: String { "\(id) (\(rule) on \(resource))" }
}
