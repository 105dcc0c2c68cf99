/// Faults the simulator injects, so client retry, timeout and error paths can be tested against a
/// real socket.
///
/// - `latency` delays every response (companyinfo included: it models the network, not an error).
/// - `throttle` answers every N-th API request (companyinfo excluded) with 429 and `Retry-After`.
/// - `pathFaults` answer matching requests with a fixed status or a truncated JSON body, optionally
///   only the first `limit` matches ("fail twice, then succeed"). The first matching fault with
///   budget left wins. They never touch `/login/companyinfo` unless the pattern names it.
public struct FaultPlan: Sendable, Equatable {
    /// Delay added before every response.
    public var latency: Duration
    /// Periodic throttling of API requests, if any.
    public var throttle: Throttle?
    /// Status and truncation faults by path pattern, checked in order.
    public var pathFaults: [PathFault]

    /// Creates a fault plan; the defaults inject nothing.
    public init(latency: Duration = .zero, throttle: Throttle? = nil, pathFaults: [PathFault] = []) {
        self.latency = latency
        self.throttle = throttle
        self.pathFaults = pathFaults
    }

    /// No faults at all.
    public static let none = FaultPlan()

    /// Every `every`-th API request (counting from 1, so `every: 3` throttles requests 3, 6, 9…)
    /// gets 429 with `Retry-After: retryAfterSeconds`.
    public struct Throttle: Sendable, Equatable {
        /// The period N; values below 1 are treated as 1 (every request).
        public var every: Int
        /// The `Retry-After` header value in seconds.
        public var retryAfterSeconds: Int

        /// Creates a throttle rule.
        public init(every: Int, retryAfterSeconds: Int) {
            self.every = every
            self.retryAfterSeconds = retryAfterSeconds
        }
    }
}
