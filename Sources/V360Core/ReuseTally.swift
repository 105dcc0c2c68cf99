import Synchronization

/// Counts how often work done ahead (during a live read) was taken, and how often it had to be
/// done again because what it was made from had changed.
///
/// The work a scan does while it reads changes no byte of its output, so only a count can tell
/// whether it is still being used: the tests that hold it assert `redone == 0` and that
/// everything prepared was taken (docs/design.md, "The read-time work").
public final class ReuseTally: Sendable {
    /// The counts so far.
    public struct Counts: Sendable, Equatable, CustomStringConvertible {
        /// Pieces of prepared work taken as they were.
        public var reused = 0
        /// Pieces worked out again, the prepared one not matching (or missing).
        public var redone = 0

        /// Counts of `reused` and `redone` pieces.
        public init(reused: Int = 0, redone: Int = 0) {
            self.reused = reused
            self.redone = redone
        }

        /// `reused N, redone M`.
        public var description: String { "reused \(reused), redone \(redone)" }
    }

    private let counts = Mutex(Counts())
    private let keys = Mutex(Set<String>())

    /// A tally at zero.
    public init() {}

    /// Counts `count` pieces taken as prepared.
    public func reused(_ count: Int = 1) { counts.withLock { $0.reused += count } }

    /// Counts one piece taken as prepared, remembering which (for "was every piece taken?").
    public func reused(key: String) {
        counts.withLock { $0.reused += 1 }
        keys.withLock { _ = $0.insert(key) }
    }

    /// The keys of the pieces taken (those counted with ``reused(key:)``).
    public var reusedKeys: Set<String> { keys.withLock { $0 } }

    /// Counts `count` pieces worked out again.
    public func redone(_ count: Int = 1) { counts.withLock { $0.redone += count } }

    /// The counts so far.
    public var current: Counts { counts.withLock { $0 } }
}
