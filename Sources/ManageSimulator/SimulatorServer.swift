import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 that speaks the ConnectWise Manage API shape for a
/// ``TenantFixture``, with optional fault injection and a request log.
///
/// ```swift
/// let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
/// // point a client at server.siteURL with DemoTenant.fixture.credentials
/// try await server.shutdown()
/// ```
/// It serves `GET /login/companyinfo/{companyId}` without credentials and the API under
/// `/v2025_1/apis/3.0` (also `/v4_6_release/apis/3.0`) with Basic auth plus `clientId`. Any other
/// method gets 405. See `Sources/ManageSimulator/README.md` for the query parameters supported.
public final class SimulatorServer: Sendable {
    /// The port the server listens on (the one chosen by the system when started with port 0).
    public let port: Int
    /// The fixture being served.
    public let tenant: TenantFixture
    /// The fault plan in force.
    public let faults: FaultPlan

    private let channel: any Channel
    private let state: SimulatorState

    /// `https` when serving with ``SimulatorTLS``, else `http`.
    public let scheme: String

    private init(port: Int, scheme: String, tenant: TenantFixture, faults: FaultPlan, channel: any Channel,
                 state: SimulatorState) {
        self.port = port
        self.scheme = scheme
        self.tenant = tenant
        self.faults = faults
        self.channel = channel
        self.state = state
    }

    /// `http://127.0.0.1:PORT` (`https://` with TLS), the value for `--site` / `CWM_SITE`.
    public var siteURL: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Starts serving `tenant` on 127.0.0.1 (never on other interfaces).
    ///
    /// - Parameters:
    ///   - tenant: the fixture to serve.
    ///   - faults: faults to inject; none by default.
    ///   - port: the port; 0 (the default) picks a free one.
    ///   - tls: serve HTTPS with this certificate instead of plain HTTP.
    /// - Throws: `SimulatorError.bindFailed` when the port cannot be bound.
    public static func start(tenant: TenantFixture, faults: FaultPlan = .none, port: Int = 0,
                             tls: SimulatorTLS? = nil) async throws -> SimulatorServer {
        let state = SimulatorState()
        let scheme = tls == nil ? "http" : "https"
        let processor = RequestProcessor(fixture: tenant, faults: faults, state: state, scheme: scheme)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                state.register(channel)
                channel.closeFuture.whenComplete { _ in state.unregister(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(tls.handler()) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SimulatorHTTPHandler(processor: processor))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        } catch {
            throw SimulatorError.bindFailed(port: port, reason: "\(error)")
        }
        guard let boundPort = channel.localAddress?.port else {
            try? await channel.close()
            throw SimulatorError.bindFailed(port: port, reason: "no local address after binding")
        }
        return SimulatorServer(port: boundPort, scheme: scheme, tenant: tenant, faults: faults, channel: channel,
                               state: state)
    }

    /// TCP connections accepted so far (a TLS handshake that fails still counts: tests use this to
    /// prove a client did not retry).
    public func connectionsAccepted() -> Int {
        state.connectionsAccepted()
    }

    /// Every request served so far, in the order they were processed (method, path, query, status,
    /// header names). Entries are recorded before any injected latency.
    public func requestLog() -> [LoggedRequest] {
        state.requestLog()
    }

    /// Empties the request log (fault counters are kept).
    public func clearRequestLog() {
        state.clearLog()
    }

    /// Stops listening and closes open connections. Calling it again is harmless.
    public func shutdown() async throws {
        do {
            try await channel.close()
        } catch ChannelError.alreadyClosed {
            // Already shut down: nothing left to do for the listener.
        }
        for connection in state.openConnections() {
            try? await connection.close()
        }
    }
}
