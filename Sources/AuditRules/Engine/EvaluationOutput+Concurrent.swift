import Foundation
import Synchronization

extension EvaluationOutput {
    /// Evaluates `items` in contiguous chunks on all cores and joins the chunks' outputs in item
    /// order, so the result is exactly that of one loop over `items` writing into one output.
    ///
    /// For checks whose per-item work is heavy (an overbroad finding's evidence lists every excess
    /// row, and its fingerprint hashes all of it): one such rule would otherwise keep a single core
    /// busy while the others are done.
    /// - Parameters:
    ///   - items: What to evaluate, in the order the loop would take them.
    ///   - body: The loop body: must read only shared, immutable or locked state.
    static func concurrently<Item: Sendable>(_ items: [Item],
                                             _ body: @Sendable (Item, inout EvaluationOutput) -> Void) -> EvaluationOutput {
        let chunkCount = min(items.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard chunkCount > 1 else {
            var out = EvaluationOutput()
            for item in items { body(item, &out) }
            return out
        }
        let parts = Mutex([EvaluationOutput](repeating: EvaluationOutput(), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out = EvaluationOutput()
            for index in stride(from: chunk * items.count / chunkCount, to: (chunk + 1) * items.count / chunkCount, by: 1) {
                body(items[index], &out)
            }
            parts.withLock { $0[chunk] = out }
        }
        var joined = EvaluationOutput()
        for part in parts.withLock({ $0 }) {
            joined.cases += part.cases
            joined.coverage += part.coverage
            joined.incomplete = joined.incomplete || part.incomplete
        }
        return joined
    }
}
