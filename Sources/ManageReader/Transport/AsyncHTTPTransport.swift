import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real transport: AsyncHTTPClient with redirects disabled (a redirect must never carry the
/// Authorization header to another place), TLS verified against the system roots plus any
/// `--ca-file` certificates, an optional `CONNECT` proxy, and enough connections per host for the
/// client's concurrency.
///
/// Every error it throws is a ``TransportFailure``: the caller decides from its cause whether to
/// try again, and shows its sentence instead of the library's error text.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    /// The largest body accepted (a 1000-row member page is well under 8 MB).
    private let maxBodyBytes: Int
    private let proxy: ProxySettings?

    /// Creates a transport allowing `connectionsPerHost` parallel connections.
    /// - Parameters:
    ///   - readTimeout: the longest silence while a response is streaming (the request deadline
    ///     covers the wait for the response head; this covers a body that stalls).
    ///   - proxy: the HTTP proxy to tunnel through, if any.
    ///   - trustedCertificates: CA certificates trusted in addition to the system roots.
    public init(connectionsPerHost: Int = 16, readTimeout: Duration = .seconds(30), maxBodyBytes: Int = 64 << 20,
                proxy: ProxySettings? = nil, trustedCertificates: TrustedCertificates? = nil) {
        let configuration = Self.configuration(connectionsPerHost: connectionsPerHost, readTimeout: readTimeout,
                                               proxy: proxy, trustedCertificates: trustedCertificates)
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
        self.proxy = proxy
    }

    /// The client configuration of every HTTP client the tool builds: the PSA reader's and the
    /// notification sender's (which is a separate client, so the reader stays GET-only).
    ///
    /// Redirects are refused (a redirect must never carry a secret to another place), TLS is
    /// verified against the system roots plus any `--ca-file` certificates, and the proxy, if any,
    /// is tunnelled through with `CONNECT`.
    public static func configuration(connectionsPerHost: Int = 16, readTimeout: Duration = .seconds(30),
                                     proxy: ProxySettings?, trustedCertificates: TrustedCertificates?) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: TrustedCertificates.tlsConfiguration(adding: trustedCertificates),
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: Self.timeAmount(readTimeout)))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost))
        // The pool would otherwise retry a failed connection silently until the connect timeout,
        // hiding the cause (an unknown host or an untrusted certificate took 10 s per attempt and
        // came back as a timeout). The request executor decides what is worth retrying.
        configuration.connectionPool.retryConnectionEstablishment = false
        if let proxy {
            let authorization = proxy.username.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        return configuration
    }

    /// Performs the GET and collects the body.
    /// - Throws: ``TransportFailure`` when no complete HTTP answer arrived.
    public func send(_ request: ReadRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .GET
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        do {
            let response = try await client.execute(outgoing, timeout: Self.timeAmount(request.timeout))
            var body = try await response.body.collect(upTo: maxBodyBytes)
            let data = Data(body.readBytes(length: body.readableBytes) ?? [])
            return HTTPResponse(status: Int(response.status.code),
                                headers: response.headers.map { (name: $0.name, value: $0.value) }, body: data)
        } catch {
            let scheme = request.url.scheme?.lowercased()
            var host = request.url.host ?? "?"
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            throw TransportFailure.classify(error, host: host,
                                            port: request.url.port ?? (scheme == "http" ? 80 : 443), proxy: proxy)
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// Shuts the HTTP client down.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
