import Foundation
import Testing
@testable import ManageReader

/// `HTTPS_PROXY` and `NO_PROXY` read as curl reads them, from an injected environment.
@Suite struct ProxySettingsTests {
    @Test func httpsProxyIsParsedWithCredentialsAndDefaults() throws {
        let proxy = try #require(try ProxySettings.from(
            environment: ["HTTPS_PROXY": "http://us%40er:p%3Ass@Proxy.Corp:3128"], targetHost: "psa.example.com"))
        #expect(proxy.host == "proxy.corp" && proxy.port == 3128)
        #expect(proxy.username == "us@er" && proxy.password == "p:ss")
        #expect(proxy.variable == "HTTPS_PROXY")
        let bare = try ProxySettings.parse("proxy.corp")
        #expect(bare.port == ProxySettings.defaultPort && bare.username == nil)
    }

    @Test func lowerCaseWinsAndEmptyMeansNone() throws {
        let both = ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"]
        #expect(try ProxySettings.from(environment: both, targetHost: "psa.example.com")?.host == "lower")
        #expect(try ProxySettings.from(environment: ["https_proxy": " ", "HTTPS_PROXY": "http://upper:2"],
                                       targetHost: "psa.example.com")?.host == "upper")
        #expect(try ProxySettings.from(environment: [:], targetHost: "psa.example.com") == nil)
        // http_proxy is for http:// URLs in curl; the PSA is always reached with HTTPS_PROXY.
        #expect(try ProxySettings.from(environment: ["http_proxy": "http://p:1"], targetHost: "psa.example.com") == nil)
    }

    @Test func noProxyBypassesByHostSuffixIPAndStar() throws {
        func proxied(_ host: String, _ noProxy: String, variable: String = "NO_PROXY") throws -> Bool {
            try ProxySettings.from(environment: ["HTTPS_PROXY": "http://p:1", variable: noProxy], targetHost: host) != nil
        }
        #expect(try !proxied("psa.example.com", "example.com"))
        #expect(try !proxied("psa.example.com", ".example.com"))
        #expect(try !proxied("PSA.Example.COM", "other.org, EXAMPLE.com"))
        #expect(try !proxied("example.com", ".example.com"))
        #expect(try proxied("badexample.com", "example.com"))
        #expect(try !proxied("anything", "*"))
        #expect(try !proxied("127.0.0.1", "127.0.0.1"))
        #expect(try !proxied("127.0.0.5", "127.0.0.0/8"))
        #expect(try proxied("10.0.0.1", "127.0.0.0/8"))
        #expect(try proxied("127.0.0.10", "127.0.0.1"))
        #expect(try !proxied("psa.example.com", "psa.example.com:443"))
        #expect(try !proxied("::1", "[::1]"))
        #expect(try !proxied("psa.example.com", "example.com", variable: "no_proxy"))
        #expect(try proxied("psa.example.com", ""))
    }

    @Test(arguments: ["socks5://p:1", "https://p:1", "http://:1", "http://p:99999"])
    func otherProxyURLsAreRefusedNamingTheVariableNotTheValue(_ value: String) {
        #expect {
            try ProxySettings.from(environment: ["https_proxy": value], targetHost: "psa.example.com")
        } throws: { error in
            guard let error = error as? ReaderError, case .invalidProxy(let variable, _) = error else { return false }
            return variable == "https_proxy" && error.isUsage && !error.description.contains(value)
        }
    }

    @Test func noRenderingShowsThePassword() throws {
        let proxy = try ProxySettings.parse("http://user:S3cretProxy@proxy.corp:3128")
        for text in [proxy.description, proxy.debugDescription, String(reflecting: proxy), "\(proxy)",
                     String(describing: Mirror(reflecting: proxy).children.map { "\($0.label ?? ""): \($0.value)" })] {
            #expect(!text.contains("S3cretProxy"), "\(text)")
        }
        let redact = Redactor(credentials: Fixtures.credentials, proxy: proxy)
        let basic = Data("user:S3cretProxy".utf8).base64EncodedString()
        #expect(redact("auth Basic \(basic) pw S3cretProxy") == "auth Basic <redacted> pw <redacted>")
    }
}
