import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all cores, results in element order: for pure transforms whose elements are
    /// independent (rules of one evaluation, files of one pack, chunks of one rule's members).
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(self[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
