import Foundation
import Synchronization

/// Runs a few pieces of work each on a thread of its own, and waits for all of them.
///
/// For the reports at the end of a scan: `concurrentPerform` gives each of two cores one report
/// and starts the third only when one of them is done, so the last one runs alone while the other
/// core idles. One thread per report lets the system share both cores among all of them, so they
/// end together. (A nested `concurrentPerform` would not help: it runs serially inside another.)
package enum ThreadFanOut {
    /// The stack of each thread (the default for secondary threads is small for deep renderers).
    private static let stackSize = 8 << 20

    /// Runs every job, the first on the calling thread, and returns when all have returned.
    package static func run(_ jobs: [@Sendable () -> Void]) {
        guard let first = jobs.first else { return }
        let group = DispatchGroup()
        for job in jobs.dropFirst() {
            group.enter()
            let thread = Thread {
                job()
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        first()
        group.wait()
    }

    /// `jobs`' results, in order, each worked out on a thread of its own.
    package static func results<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
        let results = ResultSlots<T>(count: jobs.count)
        run(jobs.indices.map { index in { results.set(index, jobs[index]()) } })
        return results.values
    }
}

/// Slots for results written by several threads, read once all have finished.
private final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }

    /// Every slot, once each was set (``ThreadFanOut/run(_:)`` has returned).
    var values: [T] { slots.withLock { $0.map { $0! } } }
}
