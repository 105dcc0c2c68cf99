import Foundation

/// How the client waits between retries; tests inject one that records the delays and returns at once.
public struct Sleeper: Sendable {
    /// Waits for the given duration (or returns early when the task is cancelled).
    public let sleep: @Sendable (Duration) async -> Void

    /// Creates a sleeper from a closure.
    public init(_ sleep: @escaping @Sendable (Duration) async -> Void) {
        self.sleep = sleep
    }

    /// Really sleeps (`Task.sleep`).
    public static let live = Sleeper { duration in try? await Task.sleep(for: duration) }
}
