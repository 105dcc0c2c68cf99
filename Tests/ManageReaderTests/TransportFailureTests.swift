import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import Testing
@testable import ManageReader

/// The one mapping from transport errors to sentences: each cause's words, and what is retried.
@Suite struct TransportFailureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var cause: TransportFailure.Cause
        var atProxy = false
        var expected: String
        var retryable: Bool
        var testDescription: String { "\(cause)\(atProxy ? " at the proxy" : "")" }
    }

    static let cases: [Case] = [
        Case(cause: .cannotResolve, expected: "cannot resolve psa.example.com: the host name has no address (a typo in "
             + "--site, or a name only an internal DNS knows); check the host name", retryable: false),
        Case(cause: .connectionRefused, expected: "cannot connect to psa.example.com:443: connection refused, nothing "
             + "accepts connections on that port; check the port in --site and that the PSA is running", retryable: true),
        Case(cause: .unreachable, expected: "cannot connect to psa.example.com:443: the network or host is unreachable",
             retryable: true),
        Case(cause: .connectTimedOut, expected: "cannot connect to psa.example.com:443: no answer in time", retryable: true),
        Case(cause: .connectionClosed, expected: "the connection to psa.example.com:443 was closed before the PSA answered",
             retryable: true),
        Case(cause: .responseTimedOut, expected: "psa.example.com:443 did not answer in time", retryable: true),
        Case(cause: .certificateNotTrusted, expected: "the certificate of psa.example.com:443 is not trusted: self-signed "
             + "or issued by an unknown CA (or expired); if your PSA uses an internal CA, pass --ca-file with that CA's "
             + "PEM certificate", retryable: false),
        Case(cause: .certificateNameMismatch, expected: "the certificate of psa.example.com:443 is not valid for "
             + "psa.example.com: it was issued for another host name", retryable: false),
        Case(cause: .handshakeRefused, expected: "the TLS handshake with psa.example.com:443 was refused", retryable: false),
        Case(cause: .proxyRefusedTunnel, expected: "the proxy proxy.corp:3128 (from HTTPS_PROXY) refused the tunnel to "
             + "psa.example.com:443; ask for psa.example.com to be allowed through the proxy, or list it in NO_PROXY",
             retryable: false),
        Case(cause: .proxyAuthenticationRequired, expected: "the proxy proxy.corp:3128 (from HTTPS_PROXY) refused the "
             + "tunnel to psa.example.com:443: proxy authentication failed (407)", retryable: false),
        Case(cause: .connectionRefused, atProxy: true, expected: "cannot connect to the proxy proxy.corp:3128 (from "
             + "HTTPS_PROXY): connection refused", retryable: true),
        Case(cause: .cannotResolve, atProxy: true, expected: "cannot resolve the proxy proxy.corp:3128 (from HTTPS_PROXY)",
             retryable: false),
        Case(cause: .other, expected: "the connection to psa.example.com:443 failed before the PSA answered", retryable: true),
    ]

    @Test(arguments: cases)
    func eachCauseIsASentenceNamingHostPortAndWhatToDo(_ testCase: Case) {
        let failure = TransportFailure(cause: testCase.cause, host: "psa.example.com", port: 443, proxy: "proxy.corp:3128",
                                       proxyVariable: "HTTPS_PROXY", atProxy: testCase.atProxy)
        #expect(failure.message.hasPrefix(testCase.expected), "\(failure.message)")
        #expect(failure.isRetryable == testCase.retryable)
        #expect(ReaderError.transport(endpoint: "/login/companyinfo", failure: failure).description == failure.message)
        for word in ["NIO", "SSL routines", "errno", "Error", ".swift", ".cc"] { #expect(!failure.message.contains(word)) }
    }

    @Test func everyCauseHasATestedSentence() {
        #expect(Set(Self.cases.map(\.cause)) == Set(TransportFailure.Cause.allCases))
    }

    @Test func libraryErrorsAreClassified() {
        func cause(_ error: any Error, proxy: ProxySettings? = nil) -> TransportFailure {
            TransportFailure.classify(error, host: "psa.example.com", port: 443, proxy: proxy)
        }
        #expect(cause(IOError(errnoCode: ECONNREFUSED, reason: "connect")).cause == .connectionRefused)
        #expect(cause(IOError(errnoCode: ECONNRESET, reason: "read")).cause == .connectionClosed)
        #expect(cause(IOError(errnoCode: EHOSTUNREACH, reason: "connect")).cause == .unreachable)
        #expect(cause(ChannelError.connectTimeout(.seconds(10))).cause == .connectTimedOut)
        #expect(cause(HTTPClientError.connectTimeout).cause == .connectTimedOut)
        #expect(cause(HTTPClientError.readTimeout).cause == .responseTimedOut)
        #expect(cause(HTTPClientError.remoteConnectionClosed).cause == .connectionClosed)
        #expect(cause(HTTPClientError.invalidProxyResponse).cause == .proxyRefusedTunnel)
        #expect(cause(HTTPClientError.proxyAuthenticationRequired).cause == .proxyAuthenticationRequired)
        #expect(cause(NIOSSLError.handshakeFailed(.sslError([]))).cause == .handshakeRefused)
        #expect(cause(NIOSSLExtraError.failedToValidateHostname).cause == .certificateNameMismatch)
        #expect(cause(NIOSSLError.uncleanShutdown).cause == .connectionClosed)
        struct Unknown: Error {}
        #expect(cause(Unknown()).cause == .other)
        // With a proxy, connection-stage failures are the proxy's; TLS failures stay the PSA's.
        let proxy = ProxySettings(host: "proxy.corp", port: 3128)
        #expect(cause(IOError(errnoCode: ECONNREFUSED, reason: "connect"), proxy: proxy).atProxy)
        #expect(!cause(NIOSSLError.handshakeFailed(.sslError([])), proxy: proxy).atProxy)
        #expect(cause(HTTPClientError.invalidProxyResponse, proxy: proxy).proxy == "proxy.corp:3128")
    }
}
