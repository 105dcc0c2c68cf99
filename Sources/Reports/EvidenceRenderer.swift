import AuditRules
import ManageReader
import V360Core

/// Renders findings' evidence for the reports on a queue of its own while a live read is still
/// running: an overbroad finding lists every excess permission, and a large tenant's reports are
/// mostly that evidence. Fed by ``AuditPreparation``'s `whenJudged`.
package final class EvidenceRenderer: Sendable {
    private let work = SerialWork(label: "v360audit.evidence-renderer", RenderedEvidence())

    /// An idle renderer.
    package init() {}

    /// Renders `findings` on the renderer's queue.
    package func render(_ findings: [Finding]) {
        work.perform { rendered in
            for finding in findings { rendered.entries[finding.fingerprint] = RenderedEvidence.entry(finding) }
        }
    }

    /// Everything rendered once the work handed over so far is done.
    package func renderings() async -> RenderedEvidence { await work.current() }
}
