import ManageReader
import NIOCore
import NIOPosix

/// A transport whose connections go through SwiftNIO's real connection step with a resolver that
/// knows no name: every request fails as a host name without an address fails (NIO's
/// `NIOConnectionError`, no address tried), classified by the reader's own
/// `TransportFailure.classify`, as `AsyncHTTPTransport` does. No DNS query is made, so the tests
/// of a name that does not resolve run offline and fail at once.
public struct UnresolvableNameTransport: HTTPTransport {
    /// A transport for which no name resolves.
    public init() {}

    /// Fails the request as an unknown host name fails.
    public func send(_ request: ReadRequest) async throws -> HTTPResponse {
        let host = request.url.host ?? "?"
        let port = request.url.port ?? (request.url.scheme == "http" ? 80 : 443)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let connected: any Channel
        do {
            connected = try await ClientBootstrap(group: loop).resolver(NoAddresses(loop: loop))
                .connect(host: host, port: port).get()
        } catch {
            throw TransportFailure.classify(error, host: host, port: port, proxy: nil)
        }
        // Cannot happen (there is no address to connect to); said plainly if it ever does.
        try? await connected.close()
        throw TransportFailure(cause: .other, host: host, port: port)
    }
}

/// A resolver with no address for any name.
private struct NoAddresses: Resolver, Sendable {
    let loop: any EventLoop

    func initiateAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> { loop.makeSucceededFuture([]) }
    func initiateAAAAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> { loop.makeSucceededFuture([]) }
    func cancelQueries() {}
}
