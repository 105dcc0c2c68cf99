import Foundation

/// How a failed request is retried: how often, how long to wait between attempts, and how.
///
/// One value instead of six loose settings (soto-core's `RetryPolicy` is the model): the PSA
/// reader uses it with its defaults; a notification sender can use the same policy with fewer
/// attempts. What is retried (429, 5xx, a connection that failed in a way a retry can fix) is
/// the caller's decision; the policy says when and how long.
public struct RetryPolicy: Sendable {
    /// Attempts per request, including the first.
    public var maxAttempts: Int
    /// The first backoff; doubles per attempt.
    public var initialBackoff: Duration
    /// The largest backoff.
    public var maxBackoff: Duration
    /// The longest `Retry-After` honoured (a longer one is cut to this).
    public var maxRetryAfter: Duration
    /// Full jitter: given the backoff ceiling in seconds, returns the delay to use (0…ceiling).
    public var jitter: @Sendable (Double) -> Double
    /// How waits happen (tests inject one that records the delays and returns at once).
    public var sleeper: Sleeper

    /// A policy; the defaults are the reader's: 5 attempts, 0.5 s doubling to 8 s with full
    /// jitter, `Retry-After` honoured up to 60 s.
    public init(maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60),
                jitter: @escaping @Sendable (Double) -> Double = { Double.random(in: 0...max(0, $0)) },
                sleeper: Sleeper = .live) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.jitter = jitter
        self.sleeper = sleeper
    }

    /// The wait after failed attempt `attempt` (1-based): full jitter over
    /// `initialBackoff × 2^(attempt-1)`, capped at `maxBackoff`.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let base = Self.seconds(initialBackoff) * pow(2, Double(attempt - 1))
        let ceiling = min(base, Self.seconds(maxBackoff))
        return .milliseconds(Int((min(max(0, jitter(ceiling)), ceiling) * 1000).rounded()))
    }

    /// The wait a `Retry-After` header asks for, in seconds (the HTTP-date form is not used by the
    /// servers this talks to), capped at `maxRetryAfter`; nil when absent or not a number.
    public func retryAfter(_ header: String?) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), let value = Double(text),
              value.isFinite, value >= 0 else { return nil }
        return min(.milliseconds(Int(value * 1000)), maxRetryAfter)
    }

    /// A duration in seconds, as a `Double`.
    public static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
