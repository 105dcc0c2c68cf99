import Foundation
import V360Core

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
        let chunkCount = min(items.count, 16 * ProcessInfo.processInfo.activeProcessorCount)
        let parts = Array(0..<chunkCount).concurrentMap { chunk in
            var out = EvaluationOutput()
            for index in chunk * items.count / chunkCount..<(chunk + 1) * items.count / chunkCount {
                body(items[index], &out)
            }
            return out
        }
        var joined = EvaluationOutput()
        for part in parts { joined.append(part) }
        return joined
    }
}
