import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ManageReader

/// Connection failures: a closed loopback port through the real transport, and a host name that
/// does not resolve through SwiftNIO's connection step with a resolver that knows no name
/// (``UnresolvableNameTransport``: no DNS query): what is retried, what fails at once, and the
/// sentence each leaves.
@Suite struct ConnectionFailureTests {
    /// A loopback port that nothing listens on: bound to learn a free port, then closed.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A client of `site` over the real transport, or over `transport`.
    static func client(site: String, sleeps: RecordingSleeper,
                       transport: (any HTTPTransport)? = nil) throws -> (ManageClient, Recorder<String>) {
        let (logger, lines) = capturingLogger()
        let configuration = try Fixtures.configuration(site: site, sleeper: sleeps.sleeper, logger: logger)
        return (transport.map { ManageClient(configuration: configuration, transport: $0) }
                    ?? ManageClient(configuration: configuration), lines)
    }

    static func attempts(_ lines: Recorder<String>) -> Int {
        lines.all.filter { $0.contains("GET /login/companyinfo") && $0.contains("no response") }.count
    }

    @Test func anUnresolvableNameFailsOnTheFirstAttemptAndNothingMoreIsRequested() async throws {
        let sleeps = RecordingSleeper()
        let (client, lines) = try Self.client(site: "psa.nonexistent.example", sleeps: sleeps,
                                              transport: UnresolvableNameTransport())
        let snapshot = try await client.readSnapshot()
        await client.shutdown()
        #expect(sleeps.delays.all.isEmpty)
        #expect(Self.attempts(lines) == 1)
        let gap = try #require(snapshot.gaps.first)
        #expect(gap.area == .companyInfo)
        #expect(gap.detail.hasPrefix("cannot resolve psa.nonexistent.example: the host name has no address"), "\(gap.detail)")
        #expect(snapshot.gaps.dropFirst().allSatisfy { $0.detail.hasPrefix("not read: cannot resolve") })
    }

    @Test func doctorSaysItCannotResolveTheName() async throws {
        let sleeps = RecordingSleeper()
        let (client, lines) = try Self.client(site: "psa.nonexistent.example", sleeps: sleeps,
                                              transport: UnresolvableNameTransport())
        let report = await client.doctor()
        await client.shutdown()
        // One attempt, no backoff: counted, not timed.
        #expect(sleeps.delays.all.isEmpty)
        #expect(Self.attempts(lines) == 1)
        #expect(report.connectionFailure?.cause == .cannotResolve)
        #expect(!report.reachable)
        #expect(report.problems.isEmpty)
    }

    @Test func aClosedPortIsRetriedAndSaysConnectionRefusedInWords() async throws {
        let port = try Self.closedPort()
        let sleeps = RecordingSleeper()
        let (client, lines) = try Self.client(site: "http://127.0.0.1:\(port)", sleeps: sleeps)
        let snapshot = try await client.readSnapshot()
        await client.shutdown()
        #expect(sleeps.delays.all.count == 4)
        #expect(Self.attempts(lines) == 5)
        let detail = try #require(snapshot.gaps.first?.detail)
        #expect(detail.hasPrefix("cannot connect to 127.0.0.1:\(port): connection refused"), "\(detail)")
        for word in ["errno", "111", "Connection refused)", "error set", "NIO"] { #expect(!detail.contains(word)) }
        #expect(lines.all.contains { $0.contains("retrying /login/companyinfo after 127.0.0.1:\(port): connection refused, attempt 2/5") })
    }

    @Test func anUnfixableFailureStopsEveryLaterRequest() async throws {
        let failure = TransportFailure(cause: .certificateNotTrusted, host: "api-na.myconnectwise.net", port: 443)
        let transport = FakeTransport { _ in throw failure }
        let sleeps = RecordingSleeper()
        let executor = RequestExecutor(configuration: try Fixtures.configuration(sleeper: sleeps.sleeper), transport: transport)
        let base = "https://api-na.myconnectwise.net/v2025_1/apis/3.0"
        let first = await executor.get(URL(string: "\(base)/system/members")!, endpoint: "/system/members")
        let second = await executor.get(URL(string: "\(base)/system/apiMembers")!, endpoint: "/system/apiMembers")
        #expect(transport.requests.all.count == 1)
        #expect(sleeps.delays.all.isEmpty)
        #expect(first.failureValue == ReaderError.transport(endpoint: "/system/members", failure: failure))
        // The request not sent carries the same failure, named for its own endpoint: which of a
        // read's concurrent requests fails first must not change what the reports say.
        let skipped = ReaderError.transport(endpoint: "/system/apiMembers", failure: failure)
        #expect(second.failureValue == skipped)
        let gap = ManageClient.gap(area: .apiMembers, endpoint: "/system/apiMembers", skipped)
        #expect(gap.detail == skipped.description)
    }
}

private extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
