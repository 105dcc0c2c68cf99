import Foundation
import Yams

/// Accepted risks: findings a waiver matches are reported with status `waived` and do not count
/// for the gate.
///
/// ```yaml
/// waivers:
///   - id: W-2026-004                 # required, unique
///     rule: shared-api-member        # required: a rule id of the loaded pack
///     resource: V360API              # required: member identifier, `member/key description` for a
///                                    # registered key, or an integrator user name (case-insensitive)
///     reason: Vendor needs one member for both tools until Q3   # required
///     owner: secops@msp.example      # required: who accepted the risk
///     created: 2026-11-02            # required YYYY-MM-DD
///     expires: 2027-01-31            # required YYYY-MM-DD, at most 365 days after created
///     ticket: SEC-118                # optional
///     fingerprint: 3f9c0d2a41b7e688  # optional: applies only while the finding is unchanged
/// ```
/// Every waiver must end: an open-ended waiver outlives the reason it was granted for.
public struct WaiverSet: Sendable, Hashable {
    /// The longest a waiver may run, in days after `created`.
    public static let maxDays = 365

    /// Waivers in file order.
    public var waivers: [Waiver]

    /// Creates a waiver set.
    public init(waivers: [Waiver]) { self.waivers = waivers }

    /// Loads and strictly decodes a waiver file; `ruleIds` are the ids of the loaded pack.
    public static func load(from url: URL, ruleIds: Set<String>) throws(AuditRulesError) -> WaiverSet {
        try parse(try YAMLDocument.readText(url), fileName: url.path, ruleIds: ruleIds)
    }

    /// Strictly decodes waiver YAML: required fields, dates, the 365-day limit, known rule ids,
    /// well-formed fingerprints, unique ids. Every violation names the file and line.
    public static func parse(_ yaml: String, fileName: String, ruleIds: Set<String>) throws(AuditRulesError) -> WaiverSet {
        try YAMLDocument.withRoot(yaml, file: fileName) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: fileName, what: "waiver file", allowed: ["waivers"])
            guard let items = try map.sequence("waivers") else {
                throw .invalid(file: fileName, line: map.line, message: "waiver file: missing required key 'waivers'")
            }
            var waivers: [Waiver] = []
            var seen: [String: Int?] = [:]
            for (index, item) in items.enumerated() {
                let waiver = try parseOne(item, index: index, fileName: fileName, ruleIds: ruleIds)
                if let first = seen[waiver.id] {
                    throw .duplicateId(kind: "waiver", id: waiver.id, file: fileName, line: waiver.line,
                                       firstFile: fileName, firstLine: first)
                }
                seen[waiver.id] = waiver.line
                waivers.append(waiver)
            }
            return WaiverSet(waivers: waivers)
        }
    }

    private static func parseOne(_ item: Node, index: Int, fileName: String,
                                 ruleIds: Set<String>) throws(AuditRulesError) -> Waiver {
        let w = try YAMLMap(item, file: fileName, what: "waiver \(index)",
                            allowed: ["id", "rule", "resource", "reason", "owner", "created", "expires", "ticket", "fingerprint"])
        let id = try w.requiredString("id")
        let rule = try w.requiredString("rule")
        guard ruleIds.contains(rule) else {
            throw w.fail("rule", "waiver \(id): rule '\(rule)' is not a rule of the loaded pack (see `v360audit rules list`)")
        }
        guard let created = try w.date("created") else {
            throw .invalid(file: fileName, line: w.line, message: "waiver \(id): missing required key 'created' (YYYY-MM-DD)")
        }
        guard let expires = try w.date("expires") else {
            throw .invalid(file: fileName, line: w.line,
                           message: "waiver \(id): missing required key 'expires' (YYYY-MM-DD, at most \(maxDays) days after created)")
        }
        guard expires >= created else {
            throw w.fail("expires", "waiver \(id): expires \(expires) is before created \(created)")
        }
        guard expires.dayNumber - created.dayNumber <= maxDays else {
            throw w.fail("expires", "waiver \(id): expires \(expires) is \(expires.dayNumber - created.dayNumber) days "
                         + "after created \(created); a waiver may run at most \(maxDays) days — renew it instead")
        }
        let fingerprint = try w.string("fingerprint")
        if let fingerprint, !FindingFingerprint.isWellFormed(fingerprint) {
            throw w.fail("fingerprint", "waiver \(id): fingerprint '\(fingerprint)' is not 16 lowercase hex digits "
                         + "(copy it from the finding in the report)")
        }
        return Waiver(id: id, rule: rule, resource: try w.requiredString("resource"), reason: try w.requiredString("reason"),
                      owner: try w.requiredString("owner"), created: created, expires: expires,
                      ticket: try w.string("ticket"), fingerprint: fingerprint, line: w.line)
    }

    /// The label a waiver's `resource` is compared with: identifier, or `member/key` for keys.
    public static func label(of resource: ResourceRef) -> String {
        resource.kind == .apiKey ? "\(resource.identifier)/\(resource.key ?? "")" : resource.identifier
    }
}
