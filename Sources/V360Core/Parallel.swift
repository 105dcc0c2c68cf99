import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one parallel map, in three forms: on the cores for many pure CPU pieces, each on a thread
/// of its own for a few long ones, and with a bound on what is in flight for network reads. With
/// `concurrently` (two pieces of different types) and `onOwnThread` (blocking work off Swift's
/// pool) below, this file is every way the project runs work at once; state shared between
/// threads is a `Mutex`.
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

    /// `map` with each element on a thread of its own (the first on the calling thread), results
    /// in element order: for a few long pieces of work that should share the cores to the end,
    /// such as the reports of a scan. `concurrentMap` on two cores gives each core one piece and
    /// starts the third only when one of them is done, so the last one runs alone while the other
    /// core idles; one thread each lets the system share both cores among all of them.
    /// - Parameter stackSize: each thread's stack (the default for secondary threads is small for
    ///   deep renderers).
    public func mapOnThreads<T: Sendable>(stackSize: Int = 8 << 20, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        let group = DispatchGroup()
        for index in indices.dropFirst() {
            group.enter()
            let item = self[index]
            startThread(stackSize: stackSize) {
                let value = transform(item)
                results.withLock { $0[index] = value }
                group.leave()
            }
        }
        let first = transform(self[0])
        results.withLock { $0[0] = first }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }
}

/// Two different pieces of work at once, the second on a thread of its own: the two-piece form
/// of `mapOnThreads`, for pure work whose results differ in type (decoding a snapshot file beside
/// hashing it; the two halves of indexing a snapshot). A thread, not `concurrentPerform`: an apply
/// started while the other core's pool thread is busy (the inputs loading) runs both pieces on
/// the caller's thread one after the other, which measured as the hash starting only once the
/// decode was done.
public func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A,
                                                   _ second: @escaping @Sendable () -> B) -> (A, B) {
    let result = Mutex<B?>(nil)
    let done = DispatchSemaphore(value: 0)
    startThread {
        let value = second()
        result.withLock { $0 = value }
        done.signal()
    }
    let value = first()
    done.wait()
    return (value, result.withLock { $0! })
}

/// `work` on a thread of its own, awaited: for blocking work (writing a scan's reports waits for
/// every report's thread) that would otherwise hold one of Swift's cooperative threads, one per
/// core, and stall the other tenants of a fleet, whose reads need a thread only now and then.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        startThread { continuation.resume(returning: work()) }
    }
}

/// Starts `body` on a new thread with a stack large enough for the deep renderers (the default
/// for secondary threads is small).
private func startThread(stackSize: Int = 8 << 20, _ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = stackSize
    thread.start()
}
