import Foundation
import Logging
import ManageReader
import ManageSimulator
import TestSupport
import Testing
@testable import V360Audit

/// `--ca-file` and certificate failures against a real TLS listener on 127.0.0.1 with a
/// throw-away self-signed certificate made for the test.
@Suite struct CertificateTrustTests {
    /// Words that would mean a library's error text reached the user.
    static let libraryWords = ["NIO", "BoringSSL", "SSL routines", "handshake.cc", ".build", "errno", "Error:", "error:1"]

    static func tlsServer(_ certificate: ThrowawayCertificate) async throws -> SimulatorServer {
        try await SimulatorServer.start(tenant: DemoTenant.fixture, tls: SimulatorTLS(
            certificateFile: certificate.certificateFile, privateKeyFile: certificate.keyFile))
    }

    @Test func anUntrustedCertificateFailsOnTheFirstAttemptWithThePlainMessage() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await Self.tlsServer(certificate)
        let (code, output) = await runCommand(["scan", "--output-dir", directory.path],
                                              environment: LiveCommandTests.simulatorEnvironment(server))
        let connections = server.connectionsAccepted()
        try await server.shutdown()
        let expected = "the certificate of 127.0.0.1:\(server.port) is not trusted: self-signed or issued by an unknown CA"
        #expect(code == 2, "\(output.err)")
        #expect(connections == 1, "one connection, no retry")
        #expect(output.err.contains(expected), "\(output.err)")
        #expect(output.err.contains("pass --ca-file"))
        #expect(!output.err.contains("retrying"))
        for word in Self.libraryWords { #expect(!output.err.contains(word), "\(word) in \(output.err)") }
        // The same sentence is the read gap: JUnit <error> and the Markdown coverage carry it.
        let junit = try String(contentsOf: directory.appendingPathComponent("v360audit.junit.xml"), encoding: .utf8)
        let markdown = try String(contentsOf: directory.appendingPathComponent("v360audit.md"), encoding: .utf8)
        #expect(junit.contains(expected))
        #expect(markdown.contains(expected))
    }

    @Test func withTheCAFileAFullScanOfTheDemoTenantOverHTTPSCompletes() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await Self.tlsServer(certificate)
        let (code, output) = await runCommand(["scan", "--ca-file", certificate.certificateFile, "--output-dir", directory.path],
                                              environment: LiveCommandTests.simulatorEnvironment(server))
        let requests = server.requestLog()
        try await server.shutdown()
        #expect(server.siteURL.hasPrefix("https://"))
        // The demo tenant triggers rules: a complete scan that fails the gate.
        #expect(code == 1, "\(output.err)")
        #expect(requests.count > 5)
        let json = try String(contentsOf: directory.appendingPathComponent("v360audit.json"), encoding: .utf8)
        #expect(json.contains("\"complete\" : true"))
    }

    @Test func theCAFileCanComeFromTheEnvironment() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let server = try await Self.tlsServer(certificate)
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["CWM_CA_FILE"] = certificate.certificateFile
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: environment)
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        #expect(output.out.contains("ok   site 127.0.0.1 reachable"))
    }

    @Test func doctorSaysInOneLineAtTheFirstAttemptThatTheCertificateIsNotTrusted() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let server = try await Self.tlsServer(certificate)
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: LiveCommandTests.simulatorEnvironment(server))
        // Fast because no retry can fix it: one connection, no backoff (counted, not timed).
        let connections = server.connectionsAccepted()
        try await server.shutdown()
        #expect(code == 2)
        #expect(connections == 1)
        let lines = output.out.split(separator: "\n")
        #expect(lines.count == 1, "\(output.out)")
        #expect(lines.first?.hasPrefix("FAIL the certificate of 127.0.0.1:\(server.port) is not trusted") == true)
        #expect(output.out.contains("pass --ca-file"))
        #expect(output.err.isEmpty, "\(output.err)")
    }

    @Test func aCertificateForAnotherNameIsReportedAsSuchWithoutRetry() async throws {
        let certificate = try ThrowawayCertificate.make(commonName: "psa.example.com", alternativeNames: "DNS:psa.example.com")
        defer { certificate.remove() }
        let server = try await Self.tlsServer(certificate)
        let (code, output) = await runCommand(["doctor", "--quiet", "--ca-file", certificate.certificateFile],
                                              environment: LiveCommandTests.simulatorEnvironment(server))
        let connections = server.connectionsAccepted()
        try await server.shutdown()
        #expect(code == 2)
        #expect(connections == 1)
        #expect(output.out == "FAIL the certificate of 127.0.0.1:\(server.port) is not valid for 127.0.0.1: it was issued "
                + "for another host name; use the name on the certificate in --site\n")
    }

    /// The resolver is injected (it knows no name), so this needs no DNS answer; no retry
    /// (ConnectionFailureTests counts the attempts).
    @Test func doctorSaysInOneLineThatATypoedNameDoesNotResolve() async {
        var environment = ConnectionOptionsTests.environment
        environment["CWM_SITE"] = "psa.nonexistent.example"
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: environment,
                                              readerTransport: { _ in UnresolvableNameTransport() })
        #expect(code == 2)
        #expect(output.out == "FAIL cannot resolve psa.nonexistent.example: the host name has no address (a typo in "
                + "--site, or a name only an internal DNS knows); check the host name\n")
        #expect(output.err.isEmpty, "\(output.err)")
    }

    @Test(arguments: ["missing", "empty", "not-pem"])
    func aCAFileThatIsMissingOrHoldsNoCertificateIsExit64NamingIt(_ kind: String) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ca-\(kind).pem")
        switch kind {
        case "empty": try Data().write(to: file)
        case "not-pem": try Data("just some text\n".utf8).write(to: file)
        default: break
        }
        let (code, output) = await runCommand(["scan", "--ca-file", file.path], environment: ConnectionOptionsTests.environment)
        #expect(code == 64)
        #expect(output.err.contains(file.path), "\(output.err)")
        #expect(output.err.contains(kind == "missing" ? "no such file" : "holds no PEM certificate"))
    }
}
