import Foundation

/// One rule's verdict on one resource that did not pass.
public struct Finding: Codable, Sendable, Hashable {
    /// Whether the finding counts for the gate.
    public enum Status: String, Codable, Sendable {
        /// Counts for the gate.
        case open
        /// Matched by an active waiver: reported, but not counted.
        case waived
    }

    /// Whether the finding was already in the baseline.
    public enum Drift: String, Codable, Sendable {
        case new, unchanged
    }

    /// The rule id, e.g. `api-member-admin-role`.
    public private(set) var ruleId: String
    /// The rule's severity.
    public var severity: Severity
    /// Open or waived.
    public var status: Status
    /// What the finding is about.
    public private(set) var resource: ResourceRef
    /// One sentence for people, naming the resource.
    public var message: String
    /// Structured evidence (an `.object`), e.g. the role name or each excess permission.
    public private(set) var evidence: EvidenceValue
    /// The waiver that matched, when `status == .waived`.
    public var waiver: WaiverNote?
    /// Drift against the baseline; nil when no baseline was given.
    public var drift: Drift?
    /// ``FindingFingerprint`` of rule id, resource and evidence (which therefore cannot change
    /// after creation): what a waiver pins.
    public private(set) var fingerprint: String

    /// Creates an open finding with no drift.
    public init(ruleId: String, severity: Severity, resource: ResourceRef, message: String,
                evidence: EvidenceValue, status: Status = .open, waiver: WaiverNote? = nil, drift: Drift? = nil) {
        self.ruleId = ruleId
        self.severity = severity
        self.status = status
        self.resource = resource
        self.message = message
        self.evidence = evidence
        self.waiver = waiver
        self.drift = drift
        self.fingerprint = FindingFingerprint.of(ruleId: ruleId, resource: resource, evidence: evidence)
    }

    private enum CodingKeys: String, CodingKey {
        case ruleId, severity, status, resource, message, evidence, waiver, drift, fingerprint
    }

    /// Decodes a finding of a report; the fingerprint is recomputed from the decoded values (a
    /// report written before fingerprints existed has none), which gives the value the report shows.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(ruleId: try c.decode(String.self, forKey: .ruleId), severity: try c.decode(Severity.self, forKey: .severity),
                  resource: try c.decode(ResourceRef.self, forKey: .resource), message: try c.decode(String.self, forKey: .message),
                  evidence: try c.decode(EvidenceValue.self, forKey: .evidence),
                  status: try c.decode(Status.self, forKey: .status),
                  waiver: try c.decodeIfPresent(WaiverNote.self, forKey: .waiver),
                  drift: try c.decodeIfPresent(Drift.self, forKey: .drift))
    }

    /// Identity across scans: rule id plus the resource's stable key.
    public var identity: String { "\(ruleId)|\(resource.stableKey)" }
}
