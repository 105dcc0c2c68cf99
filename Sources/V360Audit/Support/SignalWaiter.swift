import Dispatch
import Foundation

/// Waits until the process receives one of some signals (for `simulate`, which serves until
/// SIGINT/SIGTERM and then shuts the server down cleanly instead of dying mid-response).
final class SignalWaiter: @unchecked Sendable {
    // Guarded by `lock`: the dispatch sources (kept alive while waiting) and the continuation.
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Int32, Never>?
    private var received: Int32?

    /// Starts listening at once, so a signal sent right after the caller announces itself is not lost.
    init(signals: [Int32]) {
        for number in signals {
            signal(number, SIG_IGN)  // let the dispatch source, not the default action, handle it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Suspends until a signal arrives.
    /// - Returns: The signal number.
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let received {
                lock.unlock()
                continuation.resume(returning: received)
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
    }

    private func fire(_ number: Int32) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        if received == nil { received = number }
        lock.unlock()
        waiting?.resume(returning: number)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
