import Foundation
import Testing
@testable import ManageReader

@Suite struct SiteAddressTests {
    @Test(arguments: [
        ("na.myconnectwise.net", "https://api-na.myconnectwise.net"),
        ("https://eu.myconnectwise.net/v4_6_release/ConnectWise.aspx", "https://api-eu.myconnectwise.net"),
        ("AU.MyConnectWise.net", "https://api-au.myconnectwise.net"),
        ("aus.myconnectwise.net", "https://api-aus.myconnectwise.net"),
        ("za.myconnectwise.net", "https://api-za.myconnectwise.net"),
        ("staging.connectwisedev.com", "https://api-staging.connectwisedev.com"),
        ("api-na.myconnectwise.net", "https://api-na.myconnectwise.net"),
        ("psa.example.com:8443", "https://psa.example.com:8443"),
        ("  https://psa.example.com/  ", "https://psa.example.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.8.9.10", "http://127.8.9.10"),
        ("http://localhost:1234", "http://localhost:1234"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ])
    func parsesAndMapsCloudHosts(_ text: String, _ origin: String) throws {
        #expect(try SiteAddress.parse(text).origin == origin)
    }

    @Test func hostIsHostOnly() throws {
        #expect(try SiteAddress.parse("https://na.myconnectwise.net:443/x").host == "api-na.myconnectwise.net")
    }

    @Test(arguments: ["http://psa.example.com", "http://10.0.0.1:8080", "http://128.0.0.1", "http://127.0.0.1.evil.com",
                      "http://localhost.evil.com", "http://[::2]"])
    func plainHTTPToNonLoopbackIsRefused(_ text: String) {
        do {
            _ = try SiteAddress.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            guard case .insecureSite = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.exitCode == 64)
        }
    }

    @Test(arguments: ["", "ftp://psa.example.com", "https://user:pw@psa.example.com", "https://", "psa.example.com:99999"])
    func invalidSitesAreRefused(_ text: String) {
        #expect(throws: ReaderError.self) { try SiteAddress.parse(text) }
    }

    @Test func readSnapshotRefusesAHandBuiltInsecureSiteBeforeConnecting() async throws {
        let transport = FakeTransport { _ in Fixtures.json("{}") }
        var configuration = try Fixtures.configuration(sleeper: RecordingSleeper().sleeper)
        configuration.site = SiteAddress(scheme: "http", host: "psa.example.com", port: nil)
        await #expect(throws: ReaderError.insecureSite(host: "psa.example.com")) {
            try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
        }
        #expect(transport.requests.all.isEmpty)
    }
}
