import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// `HTTPS_PROXY` / `NO_PROXY` end to end: a recording `CONNECT` proxy on loopback between the CLI
/// and the simulator.
@Suite struct ProxyTests {
    static let proxyPassword = "Pr0xyPassw0rd"
    static let proxyBasic = Data("proxyuser:\(proxyPassword)".utf8).base64EncodedString()

    /// Every file under `directory`, as text.
    static func contents(of directory: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try names.sorted().map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    @Test func theScanGoesThroughTheTunnelAndTheProxyPasswordAppearsNowhere() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let proxy = try ConnectProxy.start()
        defer { proxy.stop() }
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["HTTPS_PROXY"] = "http://proxyuser:\(Self.proxyPassword)@127.0.0.1:\(proxy.port)"
        let snapshot = directory.appendingPathComponent("snapshot.json").path
        let (code, output) = await runCommand(["scan", "--verbose", "--output-dir", directory.path,
                                               "--save-snapshot", snapshot], environment: environment)
        try await server.shutdown()
        #expect(code == 1, "\(output.err)")
        let connects = proxy.connects
        #expect(!connects.isEmpty)
        #expect(connects.allSatisfy { $0.target == "127.0.0.1:\(server.port)" }, "\(connects)")
        #expect(connects.allSatisfy { $0.proxyAuthorization == "Basic \(Self.proxyBasic)" })
        #expect(output.err.contains("through the proxy 127.0.0.1:\(proxy.port) (HTTPS_PROXY)"))
        let everything = output.out + output.err + (try Self.contents(of: directory))
        #expect(everything.contains("\"complete\" : true"))
        #expect(!everything.contains(Self.proxyPassword))
        #expect(!everything.contains(Self.proxyBasic))
        #expect(!everything.contains("proxyuser:"))
    }

    @Test func tlsRunsInsideTheTunnelToAnHTTPSSite() async throws {
        let certificate = try ThrowawayCertificate.make()
        defer { certificate.remove() }
        let server = try await CertificateTrustTests.tlsServer(certificate)
        let proxy = try ConnectProxy.start()
        defer { proxy.stop() }
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["HTTPS_PROXY"] = "http://127.0.0.1:\(proxy.port)"
        environment["CWM_CA_FILE"] = certificate.certificateFile
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: environment)
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        // The client may open more than one pooled connection (doctor's probes can overlap), so
        // the contract is where every tunnel goes, not how many there are.
        let connects = proxy.connects
        #expect(!connects.isEmpty)
        #expect(connects.allSatisfy { $0.target == "127.0.0.1:\(server.port)" }, "\(connects)")
        #expect(connects.allSatisfy { $0.proxyAuthorization == nil })
    }

    @Test func theLowerCaseVariableWinsAsInCurl() async throws {
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let used = try ConnectProxy.start()
        let ignored = try ConnectProxy.start()
        defer { used.stop(); ignored.stop() }
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["https_proxy"] = "127.0.0.1:\(used.port)"
        environment["HTTPS_PROXY"] = "http://127.0.0.1:\(ignored.port)"
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: environment)
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        #expect(!used.connects.isEmpty)
        #expect(ignored.connects.isEmpty)
    }

    @Test(arguments: ["127.0.0.1", "localhost,127.0.0.1", "*", " 127.0.0.0/8 "])
    func noProxyNamingTheSiteBypassesTheProxy(_ noProxy: String) async throws {
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let proxy = try ConnectProxy.start()
        defer { proxy.stop() }
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["HTTPS_PROXY"] = "http://127.0.0.1:\(proxy.port)"
        environment["NO_PROXY"] = noProxy
        let (code, output) = await runCommand(["doctor", "--quiet"], environment: environment)
        try await server.shutdown()
        #expect(code == 0, "\(output.err)")
        #expect(proxy.connects.isEmpty)
    }

    @Test func aProxyRefusingTheTunnelFailsAtOnceWithAClearMessage() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let proxy = try ConnectProxy.start(mode: .refuse(status: 403))
        defer { proxy.stop() }
        var environment = LiveCommandTests.simulatorEnvironment(server)
        environment["HTTPS_PROXY"] = "http://proxyuser:\(Self.proxyPassword)@127.0.0.1:\(proxy.port)"
        let (code, output) = await runCommand(["scan", "--output-dir", directory.path], environment: environment)
        try await server.shutdown()
        #expect(code == 2)
        // One CONNECT: no retry, and nothing else of the read was attempted.
        #expect(proxy.connects.count == 1, "no retry: \(proxy.connects)")
        #expect(server.requestLog().isEmpty)
        #expect(!output.err.contains("retrying"))
        #expect(output.err.contains("the proxy 127.0.0.1:\(proxy.port) (from HTTPS_PROXY) refused the tunnel to "
                                    + "127.0.0.1:\(server.port)"), "\(output.err)")
        let everything = output.out + output.err + (try Self.contents(of: directory))
        #expect(!everything.contains(Self.proxyPassword))
        #expect(!everything.contains(Self.proxyBasic))
    }

    @Test func aProxyURLThatIsNotHTTPIsExit64WithoutShowingItsValue() async {
        var environment = ConnectionOptionsTests.environment
        environment["HTTPS_PROXY"] = "socks5://user:\(Self.proxyPassword)@127.0.0.1:1"
        let (code, output) = await runCommand(["doctor"], environment: environment)
        #expect(code == 64)
        #expect(output.err.contains("HTTPS_PROXY is not usable: only http:// proxies are supported"), "\(output.err)")
        #expect(!output.err.contains(Self.proxyPassword))
    }
}
