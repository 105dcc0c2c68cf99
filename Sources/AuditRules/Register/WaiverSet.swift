import Foundation
import Yams

/// Accepted risks: findings a waiver matches are reported with status `waived` and do not count
/// for the gate.
///
/// ```yaml
/// waivers:
///   - id: W-2026-004                 # required, unique
///     rule: shared-api-member        # required: the rule id
///     resource: V360API              # required: member identifier, `member/key description` for a
///                                    # registered key, or an integrator user name (case-insensitive)
///     reason: Vendor needs one member for both tools until Q3   # required
///     owner: secops@msp.example      # optional
///     expires: 2027-01-31            # optional YYYY-MM-DD: last day the waiver applies
/// ```
/// A waiver whose `expires` is before the snapshot's capture date does not apply and is listed
/// as a coverage caveat.
public struct WaiverSet: Sendable, Hashable {
    /// One waiver.
    public struct Waiver: Sendable, Hashable {
        /// Waiver id.
        public var id: String
        /// Rule id it applies to.
        public var rule: String
        /// Resource label it applies to.
        public var resource: String
        /// Why the risk is accepted.
        public var reason: String
        /// Who accepted it.
        public var owner: String?
        /// Last day it applies.
        public var expires: CalendarDate?

        /// Creates a waiver.
        public init(id: String, rule: String, resource: String, reason: String, owner: String? = nil,
                    expires: CalendarDate? = nil) {
            self.id = id
            self.rule = rule
            self.resource = resource
            self.reason = reason
            self.owner = owner
            self.expires = expires
        }

        /// The note findings carry.
        public var note: WaiverNote {
            WaiverNote(id: id, reason: reason, owner: owner, expires: expires?.description)
        }
    }

    /// Waivers in file order.
    public var waivers: [Waiver]

    /// Creates a waiver set.
    public init(waivers: [Waiver]) { self.waivers = waivers }

    /// Loads and strictly decodes a waiver file.
    public static func load(from url: URL) throws(AuditRulesError) -> WaiverSet {
        try parse(try YAMLDocument.readText(url), fileName: url.path)
    }

    /// Strictly decodes waiver YAML.
    public static func parse(_ yaml: String, fileName: String) throws(AuditRulesError) -> WaiverSet {
        try YAMLDocument.withRoot(yaml, file: fileName) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: fileName, what: "waiver file", allowed: ["waivers"])
            guard let items = try map.sequence("waivers") else {
                throw .invalid(file: fileName, line: map.line, message: "waiver file: missing required key 'waivers'")
            }
            var waivers: [Waiver] = []
            var seen: [String: Int?] = [:]
            for (index, item) in items.enumerated() {
                let w = try YAMLMap(item, file: fileName, what: "waiver \(index)",
                                    allowed: ["id", "rule", "resource", "reason", "owner", "expires"])
                let id = try w.requiredString("id")
                if let first = seen[id] {
                    throw .duplicateId(kind: "waiver", id: id, file: fileName, line: w.line, firstFile: fileName, firstLine: first)
                }
                seen[id] = w.line
                waivers.append(Waiver(id: id, rule: try w.requiredString("rule"), resource: try w.requiredString("resource"),
                                      reason: try w.requiredString("reason"), owner: try w.string("owner"),
                                      expires: try w.date("expires")))
            }
            return WaiverSet(waivers: waivers)
        }
    }

    /// The label a waiver's `resource` is compared with: identifier, or `member/key` for keys.
    public static func label(of resource: ResourceRef) -> String {
        resource.kind == .apiKey ? "\(resource.identifier)/\(resource.key ?? "")" : resource.identifier
    }
}
