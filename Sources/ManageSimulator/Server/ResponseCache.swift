import Synchronization

/// The simulator's successful answers by request, for a server whose only fault is latency: its
/// fixture never changes while it serves, so the same request (URI, pagination type and
/// credentials) always gets the same bytes.
///
/// Why: a real PSA's CPU is not on the scanning host, but a benchmark's simulators are. Sixteen of
/// them rebuilding each settings page from the fixture took a quarter of the machine's CPU during
/// `v360bench fleet`, competing with the client they serve.
final class ResponseCache: Sendable {
    private let responses = Mutex<[String: SimulatorResponse]>([:])

    /// An empty cache.
    init() {}

    /// The cached response for `key`, or `make()`'s, kept when it is a 200.
    func response(_ key: String, _ make: () -> SimulatorResponse) -> SimulatorResponse {
        if let cached = responses.withLock({ $0[key] }) { return cached }
        let response = make()
        if response.status == 200 { responses.withLock { $0[key] = response } }
        return response
    }
}
