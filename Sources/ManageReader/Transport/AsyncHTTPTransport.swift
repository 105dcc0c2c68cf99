import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real transport: AsyncHTTPClient with redirects disabled (a redirect must never carry the
/// Authorization header to another place) and enough connections per host for the client's
/// concurrency.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    /// The largest body accepted (a 1000-row member page is well under 8 MB).
    private let maxBodyBytes: Int

    /// Creates a transport allowing `connectionsPerHost` parallel connections.
    /// - Parameter readTimeout: the longest silence while a response is streaming (the request
    ///   deadline covers the wait for the response head; this covers a body that stalls).
    public init(connectionsPerHost: Int = 16, readTimeout: Duration = .seconds(30), maxBodyBytes: Int = 64 << 20) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: Self.timeAmount(readTimeout)))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost))
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
    }

    /// Performs the GET and collects the body.
    public func send(_ request: ReadRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .GET
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        let response = try await client.execute(outgoing, timeout: Self.timeAmount(request.timeout))
        var body = try await response.body.collect(upTo: maxBodyBytes)
        let data = Data(body.readBytes(length: body.readableBytes) ?? [])
        return HTTPResponse(status: Int(response.status.code),
                            headers: response.headers.map { (name: $0.name, value: $0.value) }, body: data)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// Shuts the HTTP client down.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
