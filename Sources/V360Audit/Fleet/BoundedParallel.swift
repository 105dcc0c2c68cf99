/// Runs an async job per item, at most `parallel` at a time, and returns the results in the items'
/// order (each job is started as soon as one before it finishes, not in waves).
enum BoundedParallel {
    /// `body` of every item, `parallel` at a time.
    static func map<Item: Sendable, Value: Sendable>(_ items: [Item], parallel: Int,
                                                     _ body: @escaping @Sendable (Item) async -> Value) async -> [Value] {
        await withTaskGroup(of: (Int, Value).self) { group in
            var next = 0
            while next < min(max(1, parallel), items.count) {
                let index = next
                group.addTask { (index, await body(items[index])) }
                next += 1
            }
            var values = [Value?](repeating: nil, count: items.count)
            for await (index, value) in group {
                values[index] = value
                if next < items.count {
                    let index = next
                    group.addTask { (index, await body(items[index])) }
                    next += 1
                }
            }
            return values.map { $0! }
        }
    }
}
