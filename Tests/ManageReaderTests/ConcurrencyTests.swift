import Foundation
import Synchronization
import Testing
@testable import ManageReader
import V360Core

@Suite struct ConcurrencyTests {
    /// Counts settings requests in flight, under one lock.
    final class Gauge: Sendable {
        private struct Counts { var current = 0, peak = 0, started = 0 }
        private let counts = Mutex(Counts())

        func enter() {
            counts.withLock {
                $0.current += 1
                $0.started += 1
                $0.peak = max($0.peak, $0.current)
            }
        }

        func leave() { counts.withLock { $0.current -= 1 } }

        /// The most requests in flight at once.
        var peak: Int { counts.withLock { $0.peak } }

        /// True once `limit` requests are in flight, or every one of `total` has started (the tail).
        func full(limit: Int, total: Int) -> Bool { counts.withLock { $0.current >= limit || $0.started >= total } }
    }

    /// Answers a settings request only once `limit` of them are in flight together (or the tail
    /// is reached), so a reader that runs fewer at once than allowed never fills the gauge: each
    /// request then gives up waiting after a while and the peak stays below the limit.
    struct GaugedTransport: HTTPTransport {
        let gauge = Gauge()
        let roles: Int
        let limit: Int

        func send(_ request: ReadRequest) async throws -> HTTPResponse {
            let path = request.url.path
            if path.hasSuffix("/system/securityroles") {
                return Fixtures.json("[" + (1...roles).map { #"{"id":\#($0),"name":"R\#($0)"}"# }.joined(separator: ",") + "]")
            }
            guard path.hasSuffix("/settings") else { return Fixtures.healthy(request) }
            gauge.enter()
            defer { gauge.leave() }
            for _ in 0..<2000 where !gauge.full(limit: limit, total: roles) {
                try await Task.sleep(for: .milliseconds(1))
            }
            return Fixtures.healthy(request)
        }
    }

    @Test(arguments: [1, 3, 8])
    func settingsReadsRunExactlyAsManyAtOnceAsTheLimit(_ limit: Int) async throws {
        let transport = GaugedTransport(roles: 30, limit: limit)
        let configuration = try Fixtures.configuration(sleeper: RecordingSleeper().sleeper, concurrency: limit)
        let snapshot = try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
        #expect(snapshot.gaps.isEmpty)
        #expect(snapshot.securityRoles.count == 30 && snapshot.securityRoles.allSatisfy { $0.settings?.count == 1 })
        #expect(transport.gauge.peak == limit)
    }

    @Test func boundedMapKeepsInputOrder() async {
        let results = await Array(0..<50).boundedMap(limit: 4) { value in
            await Task.yield()
            return value * 2
        }
        #expect(results == (0..<50).map { $0 * 2 })
    }
}
