import Dispatch
import Foundation
import Synchronization

/// Waits until the process receives one of some signals (for `simulate`, which serves until
/// SIGINT/SIGTERM and then shuts the server down cleanly instead of dying mid-response).
final class SignalWaiter: Sendable {
    /// The waiting continuation and the signal received.
    private struct State {
        var continuation: CheckedContinuation<Int32, Never>?
        var received: Int32?
    }

    private let state = Mutex(State())
    /// The dispatch sources, kept alive while waiting; set once in `init` and only cancelled after.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    /// Starts listening at once, so a signal sent right after the caller announces itself is not lost.
    init(signals: [Int32]) {
        var made: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)  // let the dispatch source, not the default action, handle it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(number) }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    /// Suspends until a signal arrives.
    /// - Returns: The signal number.
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let received = state.withLock { state in
                if state.received == nil { state.continuation = continuation }
                return state.received
            }
            if let received { continuation.resume(returning: received) }
        }
    }

    private func fire(_ number: Int32) {
        let waiting = state.withLock { state in
            defer { state.continuation = nil }
            if state.received == nil { state.received = number }
            return state.continuation
        }
        waiting?.resume(returning: number)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
