import Foundation

/// Why a request got no HTTP answer, in terms a person can act on: which host and port, what
/// went wrong, and whether trying again can help.
///
/// The real transport turns every connection, TLS and proxy error into one of these (see
/// `TransportFailure+Classification.swift`), and ``message`` is the one place their sentences are
/// written (`TransportFailure+Message.swift`): logs, read gaps (and so the JUnit `<error>` and
/// the Markdown coverage) and `doctor` all show that sentence, never a library's error text.
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Cause: String, Sendable, Equatable, CaseIterable {
        /// The host name has no address (a typo, or a name only an internal DNS knows).
        case cannotResolve
        /// The host answered that nothing listens on the port.
        case connectionRefused
        /// The host or its network cannot be reached (no route, network down).
        case unreachable
        /// No connection within the connect timeout (a firewall dropping packets, or a proxy is needed).
        case connectTimedOut
        /// The connection was reset or closed before the answer was complete.
        case connectionClosed
        /// Connected, but the answer did not come in time.
        case responseTimedOut
        /// The certificate does not chain to a trusted root: self-signed, an unknown CA, or expired.
        case certificateNotTrusted
        /// The certificate is valid but issued for another host name.
        case certificateNameMismatch
        /// The TLS handshake failed: not TLS on that port, or no protocol version or cipher in common.
        case handshakeRefused
        /// The proxy answered the `CONNECT` with something other than success.
        case proxyRefusedTunnel
        /// The proxy asked for credentials (407): missing or wrong in `HTTPS_PROXY`.
        case proxyAuthenticationRequired
        /// Anything else.
        case other
    }

    /// What went wrong.
    public var cause: Cause
    /// The PSA host the request was for.
    public var host: String
    /// The PSA port the request was for.
    public var port: Int
    /// The proxy in use (`host:port`), when there is one.
    public var proxy: String?
    /// The variable the proxy came from, for advice (`HTTPS_PROXY` or `https_proxy`).
    public var proxyVariable: String?
    /// True when the failure happened on the way to the proxy rather than to the PSA.
    public var atProxy: Bool

    /// Creates a failure.
    public init(cause: Cause, host: String, port: Int, proxy: String? = nil, proxyVariable: String? = nil,
                atProxy: Bool = false) {
        self.cause = cause
        self.host = host
        self.port = port
        self.proxy = proxy
        self.proxyVariable = proxyVariable
        self.atProxy = atProxy && proxy != nil
    }

    /// True when a later attempt may succeed (refused, reset, timeouts); false for failures only a
    /// change of settings can fix, which fail on the first attempt and stop the rest of the read.
    public var isRetryable: Bool {
        switch cause {
        case .connectionRefused, .unreachable, .connectTimedOut, .connectionClosed, .responseTimedOut, .other: true
        case .cannotResolve, .certificateNotTrusted, .certificateNameMismatch, .handshakeRefused,
             .proxyRefusedTunnel, .proxyAuthenticationRequired: false
        }
    }

    /// `host:port` of the PSA, IPv6 hosts bracketed.
    public var siteHostAndPort: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// The sentence (same as ``message``).
    public var description: String { message }
}
