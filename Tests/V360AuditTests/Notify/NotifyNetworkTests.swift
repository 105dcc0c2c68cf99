import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// Notifications go through `HTTPS_PROXY` (unless `NO_PROXY` names the host) and trust `--ca-file`,
/// as the PSA reads do; an incomplete scan is told as such.
@Suite struct NotifyNetworkTests {
    /// An offline scan of a small snapshot (an Admin API member fails the gate) with `--notify`.
    static func scan(_ extra: [String], environment: [String: String], gap: Bool = false) async throws -> (Int32, OutputCapture) {
        let directory = try TestPaths.temporaryDirectory()
        let snapshot = try SnapshotFixtures.write(SnapshotFixtures.snapshot(adminAPIMember: true, gap: gap), in: directory)
        return await runCommand(["scan", "--snapshot", snapshot, "--output-dir", directory.path] + extra,
                                environment: environment)
    }

    @Test func theWebhookIsReachedThroughTheProxyTunnel() async throws {
        let receiver = try LoopbackReceiver.start()
        defer { receiver.stop() }
        let proxy = try ConnectProxy.start()
        defer { proxy.stop() }
        let (code, output) = try await Self.scan(["--notify", "webhook:W"], environment: [
            "W": receiver.url("/hook/ProxiedSecret"), "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
        #expect(code == 1, "\(output.err)")
        #expect(proxy.connects.map(\.target) == ["127.0.0.1:\(receiver.port)"])
        #expect(receiver.requests.map(\.path) == ["/hook/ProxiedSecret"])
        #expect(!(output.out + output.err).contains("ProxiedSecret"))
    }

    @Test func noProxyNamesTheWebhookHost() async throws {
        let receiver = try LoopbackReceiver.start()
        defer { receiver.stop() }
        let proxy = try ConnectProxy.start()
        defer { proxy.stop() }
        let (code, _) = try await Self.scan(["--notify", "slack:S"], environment: [
            "S": receiver.url(), "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "127.0.0.1"])
        #expect(code == 1)
        #expect(proxy.connects.isEmpty)
        #expect(receiver.requests.count == 1)
    }

    /// A TLS server whose certificate only `--ca-file` makes trusted (the simulator, which answers
    /// a POST with an error status: reaching a status at all shows the TLS handshake verified).
    @Test func theCAFileIsTrustedForTheWebhookAndAnUntrustedCertificateIsNotRetried() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let server = try await CertificateTrustTests.tlsServer(certificate)
        let environment = ["T": "https://127.0.0.1:\(server.port)/hook/TlsSecret"]
        let (untrustedCode, untrusted) = try await Self.scan(["--notify", "teams:T"], environment: environment)
        let (trustedCode, trusted) = try await Self.scan(["--notify", "teams:T", "--ca-file", certificate.certificateFile],
                                                         environment: environment)
        try await server.shutdown()
        #expect(untrustedCode == 1 && trustedCode == 1)
        #expect(untrusted.err.contains("warning: the teams notification was not delivered: the webhook's certificate is not "
                                       + "trusted (pass --ca-file for an internal CA) (1 attempt)"), "\(untrusted.err)")
        let line = try #require(trusted.err.split(separator: "\n").first { $0.contains("notification was not delivered") })
        #expect(line.contains(": HTTP 4"), "\(line)")
        #expect(!(untrusted.err + trusted.err).contains("TlsSecret"))
    }

    @Test func anIncompleteScanIsToldUnderFailed() async throws {
        let receiver = try LoopbackReceiver.start()
        defer { receiver.stop() }
        let (code, _) = try await Self.scan(["--notify", "webhook:W", "--notify-when", "failed", "--fail-on", "never"],
                                            environment: ["W": receiver.url()], gap: true)
        #expect(code == 2)
        let envelope = try PayloadFiles.object(try #require(receiver.requests.first).body)
        let gate = try #require(envelope["gate"] as? [String: Any])
        #expect(gate["verdict"] as? String == "incomplete" && gate["complete"] as? Bool == false)
    }
}
