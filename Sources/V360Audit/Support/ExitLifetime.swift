import Synchronization

/// Values kept until the process exits instead of being freed piece by piece on the way out.
///
/// A large tenant's snapshot and results are hundreds of thousands of small allocations; releasing
/// them one by one just before `exit` costs tens of milliseconds of a scan that is otherwise done.
/// Only what a command is finished with goes here, once per command.
enum ExitLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `value` alive until exit.
    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
