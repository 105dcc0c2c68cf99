import AuditRules
import Dispatch
import Synchronization

/// Renders findings' evidence for the reports on a queue of its own while a live read is still
/// running: an overbroad finding lists every excess permission, and a large tenant's reports are
/// mostly that evidence. Fed by ``AuditPreparation``'s `whenJudged`.
final class EvidenceRenderer: Sendable {
    private let queue = DispatchQueue(label: "v360audit.evidence-renderer", qos: .userInitiated)
    private let rendered = Mutex(RenderedEvidence())

    /// Renders `findings` on the renderer's queue.
    func render(_ findings: [Finding]) {
        queue.async { [self] in
            let entries = findings.map { ($0.fingerprint, RenderedEvidence.entry($0)) }
            rendered.withLock { for (fingerprint, entry) in entries { $0.entries[fingerprint] = entry } }
        }
    }

    /// Everything rendered once the work handed over so far is done.
    func renderings() async -> RenderedEvidence {
        await withCheckedContinuation { continuation in
            queue.async { [self] in continuation.resume(returning: rendered.withLock { $0 }) }
        }
    }
}
