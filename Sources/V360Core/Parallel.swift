import Dispatch
import Synchronization

/// The one parallel map, in two forms: on the cores for pure CPU work, and with a bound on what
/// is in flight for network reads.
extension Array where Element: Sendable {
    /// `map` on all cores, results in element order: for pure transforms whose elements are
    /// independent (rules of one evaluation, files of one pack, chunks of one rule's members,
    /// roles of one snapshot).
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(self[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `map` with at most `limit` operations in flight, results in element order: for requests,
    /// whose time is spent waiting on the server, not on a core.
    public func boundedMap<T: Sendable>(limit: Int, _ operation: @escaping @Sendable (Element) async -> T) async -> [T] {
        guard !isEmpty else { return [] }
        return await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            for _ in 0..<Swift.min(Swift.max(1, limit), count) {
                let index = next, item = self[index]
                group.addTask { (index, await operation(item)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < count {
                    let index = next, item = self[index]
                    group.addTask { (index, await operation(item)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
