import AuditRules
import V360Core

/// Findings' evidence as the JSON, JUnit, Markdown and HTML reports write it, rendered ahead of the reports (while a
/// live read is still running), each beside the evidence it renders.
///
/// A reporter takes a rendering only for a finding whose evidence equals the one rendered (cheap:
/// the finding of a prepared evaluation shares its evidence's storage), and renders any other
/// finding itself, so the reports are the same bytes with or without it.
package struct RenderedEvidence: Sendable {
    /// One finding's evidence and its renderings.
    struct Entry: Sendable {
        var evidence: EvidenceValue
        /// The `evidence` value of a finding object of the JSON report (``JSONReport/evidenceJSON(_:)``).
        var json: [UInt8]
        /// The evidence lines of a JUnit failure body, XML-escaped (``JUnitCase/escapedEvidence(_:)``).
        var junit: [UInt8]
        /// The evidence cell of a finding's compact Markdown row (``MarkdownText/evidenceCell(_:)``).
        var markdownCell: String
        /// The evidence tables of a finding in the HTML report (``HTMLEvidence/append(_:to:)``).
        var html: [UInt8]
    }

    /// Entries by finding fingerprint.
    var entries: [String: Entry] = [:]
    /// What the reporters took (by fingerprint) and rendered again for want of an equal entry:
    /// shared by every copy.
    let tally = ReuseTally()

    /// Renderings no reporter took: work done for nothing (the tests expect none).
    package var untaken: Int { entries.count - tally.reusedKeys.count }

    /// What the reporters took and rendered again.
    package var reuse: ReuseTally.Counts { tally.current }

    /// Renders `finding`'s evidence for each report that shows it.
    static func entry(_ finding: Finding) -> Entry {
        var html = HTMLBuffer()
        HTMLEvidence.append(finding.evidence, to: &html)
        return Entry(evidence: finding.evidence, json: JSONReport.evidenceJSON(finding.evidence),
                     junit: JUnitCase.escapedEvidence(finding.evidence),
                     markdownCell: MarkdownText.evidenceCell(finding.evidence), html: html.bytes)
    }

    /// The JSON rendering of `finding`'s evidence, when it was rendered.
    func json(_ finding: Finding) -> [UInt8]? { entry(for: finding)?.json }

    /// The escaped JUnit evidence lines of `finding`, when they were rendered.
    func junit(_ finding: Finding) -> [UInt8]? { entry(for: finding)?.junit }

    /// The HTML evidence tables of `finding`, when they were rendered.
    func html(_ finding: Finding) -> [UInt8]? { entry(for: finding)?.html }

    /// The Markdown evidence cell of `finding`, when it was rendered.
    func markdownCell(_ finding: Finding) -> String? { entry(for: finding)?.markdownCell }

    private func entry(for finding: Finding) -> Entry? {
        guard let entry = entries[finding.fingerprint] else { return nil }
        guard entry.evidence == finding.evidence else {
            tally.redone()
            return nil
        }
        tally.reused(key: finding.fingerprint)
        return entry
    }
}
