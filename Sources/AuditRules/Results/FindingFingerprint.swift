import Foundation
import ManageReader
import V360Core

/// A finding's fingerprint: the first 16 lowercase hex digits of the SHA-256 of the canonical
/// JSON of `{"evidence": …, "resource": …, "ruleId": …}` (docs/design.md, "Waivers").
///
/// It changes whenever the evidence does (a waived role gains a right), which is what lets a
/// waiver pinned to it lapse instead of silently covering a worse risk.
public enum FindingFingerprint {
    /// The fingerprint of a rule's verdict on a resource with this evidence.
    public static func of(ruleId: String, resource: ResourceRef, evidence: EvidenceValue) -> String {
        String(SHA256Hex.of(canonicalBytes(ruleId: ruleId, resource: resource, evidence: evidence)).prefix(16))
    }

    /// The exact bytes hashed (exposed for tests and for users checking a fingerprint by hand).
    public static func canonicalBytes(ruleId: String, resource: ResourceRef, evidence: EvidenceValue) -> [UInt8] {
        var json = CanonicalJSON()
        json.finding(ruleId: ruleId, resource: resource, evidence: evidence)
        return json.bytes
    }

    /// True for 16 lowercase hex digits.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
