import Foundation
import Testing
@testable import ManageReader

@Suite struct ConcurrencyTests {
    /// Counts settings requests in flight; each one yields briefly so others can start.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private(set) var peak = 0

        func enter() {
            lock.lock()
            current += 1
            peak = max(peak, current)
            lock.unlock()
        }

        func leave() {
            lock.lock()
            current -= 1
            lock.unlock()
        }
    }

    struct GaugedTransport: HTTPTransport {
        let gauge = Gauge()
        let roles: Int

        func send(_ request: ReadRequest) async throws -> HTTPResponse {
            let path = request.url.path
            if path.hasSuffix("/system/securityroles") {
                return Fixtures.json("[" + (1...roles).map { #"{"id":\#($0),"name":"R\#($0)"}"# }.joined(separator: ",") + "]")
            }
            guard path.hasSuffix("/settings") else { return Fixtures.healthy(request) }
            gauge.enter()
            defer { gauge.leave() }
            try await Task.sleep(for: .milliseconds(1))
            return Fixtures.healthy(request)
        }
    }

    @Test(arguments: [1, 3, 8])
    func settingsReadsStayWithinTheConcurrencyLimit(_ limit: Int) async throws {
        let transport = GaugedTransport(roles: 30)
        let configuration = try Fixtures.configuration(sleeper: RecordingSleeper().sleeper, concurrency: limit)
        let snapshot = try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
        #expect(snapshot.gaps.isEmpty)
        #expect(snapshot.securityRoles.count == 30 && snapshot.securityRoles.allSatisfy { $0.settings?.count == 1 })
        #expect(transport.gauge.peak <= limit)
        #expect(transport.gauge.peak >= 1)
    }

    @Test func boundedMapKeepsInputOrder() async {
        let results = await boundedMap(Array(0..<50), limit: 4) { value in
            await Task.yield()
            return value * 2
        }
        #expect(results == (0..<50).map { $0 * 2 })
    }
}
