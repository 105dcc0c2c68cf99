import Foundation

/// Runs `operation` over `items` with at most `limit` in flight, returning results in input order.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ operation: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    guard !items.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(max(1, limit), items.count) {
            let index = next, item = items[index]
            group.addTask { (index, await operation(item)) }
            next += 1
        }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count {
                let index = next, item = items[index]
                group.addTask { (index, await operation(item)) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}
