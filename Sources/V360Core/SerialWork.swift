import Dispatch
import Synchronization

/// A value changed by work that runs one piece at a time, in the order handed over, on a queue of
/// its own: what a ``ReadObserver`` uses so that handing work over costs the read nothing.
public final class SerialWork<State: Sendable>: Sendable {
    private let queue: DispatchQueue
    /// Only changed on `queue`; locked so the class is plainly `Sendable`.
    private let state: Mutex<State>

    /// Work on `initial`, on a queue named `label`.
    public init(label: String, _ initial: State) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
        state = Mutex(initial)
    }

    /// Runs `work` on the queue, after everything handed over before it.
    public func perform(_ work: @escaping @Sendable (inout State) -> Void) {
        queue.async { [self] in state.withLock { work(&$0) } }
    }

    /// The value once everything handed over so far has run.
    public func current() async -> State {
        await withCheckedContinuation { continuation in
            queue.async { [self] in continuation.resume(returning: state.withLock { $0 }) }
        }
    }
}
