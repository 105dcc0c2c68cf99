import Foundation
import V360Core

/// Applies waivers to a scan's failed cases and says, as coverage caveats, which waivers expired,
/// lapsed (pinned to a fingerprint the finding no longer has) or matched nothing.
struct WaiverApplication {
    /// Waivers in force on the capture date.
    private let active: [Waiver]
    /// Caveats so far: expired waivers, then lapsed ones as they are found.
    private(set) var caveats: [CoverageEntry]
    /// Ids of waivers that matched a finding (applied or lapsed).
    private var matched = Set<String>()

    /// Splits `waivers` into those in force on `date` and expired ones (caveats).
    init(_ waivers: WaiverSet?, on date: CalendarDate) {
        var active: [Waiver] = []
        var caveats: [CoverageEntry] = []
        for waiver in waivers?.waivers ?? [] {
            if waiver.expires < date {
                caveats.append(CoverageEntry(
                    area: "waiver:\(waiver.id)", status: .caveat,
                    detail: "Waiver \(waiver.label) expired on \(waiver.expires) and no longer applies; "
                        + "the finding is open again. Renew the waiver (owner \(waiver.owner)) or fix the finding."))
            } else {
                active.append(waiver)
            }
        }
        self.active = active
        self.caveats = caveats
    }

    /// The case with its finding waived when an active waiver matches rule and resource label
    /// (case-insensitively) and, for a pinned waiver, the finding's fingerprint.
    mutating func apply(_ ruleCase: RuleCase, ruleId: String) -> RuleCase {
        guard case .failed(var finding) = ruleCase.outcome, !active.isEmpty else { return ruleCase }
        let label = WaiverSet.label(of: finding.resource).lowercased()
        let candidates = active.filter { $0.rule == ruleId && $0.resource.lowercased() == label }
        guard !candidates.isEmpty else { return ruleCase }
        candidates.forEach { matched.insert($0.id) }
        guard let waiver = candidates.first(where: { $0.fingerprint == nil || $0.fingerprint == finding.fingerprint }) else {
            for waiver in candidates {
                caveats.append(CoverageEntry(
                    area: "waiver:\(waiver.id)", status: .caveat,
                    detail: "Waiver \(waiver.label) lapsed: it is pinned to fingerprint \(waiver.fingerprint ?? "") but the "
                        + "finding's evidence changed (fingerprint now \(finding.fingerprint)), so the finding is open again. "
                        + "Review what changed; re-pin the waiver to the new fingerprint only if the risk is still accepted."))
            }
            return ruleCase
        }
        finding.status = .waived
        finding.waiver = waiver.note
        return RuleCase(resource: ruleCase.resource, outcome: .failed(finding))
    }

    /// Every caveat: expired, lapsed, and active waivers that matched no finding.
    var allCaveats: [CoverageEntry] {
        caveats + active.filter { !matched.contains($0.id) }.map { waiver in
            CoverageEntry(area: "waiver:\(waiver.id)", status: .caveat,
                          detail: "Waiver \(waiver.label) matched no finding; remove it if the risk is gone.")
        }
    }
}
