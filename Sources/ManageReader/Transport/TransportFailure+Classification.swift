import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

extension TransportFailure {
    /// Classifies an error from AsyncHTTPClient, SwiftNIO or NIOSSL.
    ///
    /// This is the only code that knows those libraries' error types. With a proxy every TCP
    /// connection goes to the proxy, so connection-stage errors (resolve, refused, unreachable,
    /// connect timeout) are the proxy's; TLS errors are the PSA's (TLS runs inside the tunnel).
    /// - Parameters:
    ///   - error: the error the HTTP client threw.
    ///   - host: the PSA host (or, for a notification, the webhook's host; never shown by the caller).
    ///   - port: its port.
    ///   - proxy: the proxy in use, if any.
    public static func classify(_ error: any Error, host: String, port: Int, proxy: ProxySettings?) -> TransportFailure {
        let (cause, atProxy) = cause(of: error)
        return TransportFailure(cause: cause, host: host, port: port, proxy: proxy?.hostAndPort,
                                proxyVariable: proxy?.variable, atProxy: atProxy && proxy != nil)
    }

    /// The cause, and whether it is a connection-stage cause (attributed to the proxy when there is one).
    private static func cause(of error: any Error) -> (Cause, connectionStage: Bool) {
        switch error {
        case let error as TransportFailure:
            return (error.cause, error.atProxy)
        case let error as NIOConnectionError:
            // No connection was even tried: the name did not resolve to any address.
            guard let first = error.connectionErrors.first else { return (.cannotResolve, true) }
            let causes = error.connectionErrors.map { cause(of: $0.error).0 }
            // Several addresses (IPv4 and IPv6): a refusal is the most telling answer.
            return (causes.contains(.connectionRefused) ? .connectionRefused : cause(of: first.error).0, true)
        case let error as IOError:
            return (cause(errno: error.errnoCode), true)
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return (.connectTimedOut, true)
            case .writeHostUnreachable: return (.unreachable, true)
            case .eof, .inputClosed, .outputClosed, .ioOnClosedChannel, .alreadyClosed: return (.connectionClosed, false)
            default: return (.other, false)
            }
        case let error as HTTPClientError:
            return cause(of: error)
        case let error as NIOSSLError:
            switch error {
            case .handshakeFailed(let boring):
                // BoringSSL says only that verification failed; expired, self-signed and unknown CA look alike.
                return (String(describing: boring).contains("CERTIFICATE_VERIFY_FAILED")
                    ? .certificateNotTrusted : .handshakeRefused, false)
            case .uncleanShutdown: return (.connectionClosed, false)
            case .noCertificateToValidate, .unableToValidateCertificate: return (.certificateNotTrusted, false)
            case .cannotMatchULabel: return (.certificateNameMismatch, false)
            default: return (.other, false)
            }
        case let error as NIOSSLExtraError:
            if error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch {
                return (.certificateNameMismatch, false)
            }
            return (.handshakeRefused, false)
        case is NIOSSLCloseTimedOutError:
            return (.connectionClosed, false)
        default:
            return (.other, false)
        }
    }

    private static func cause(of error: HTTPClientError) -> (Cause, connectionStage: Bool) {
        switch error {
        case .connectTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout: (.connectTimedOut, true)
        case .tlsHandshakeTimeout, .readTimeout, .writeTimeout, .deadlineExceeded: (.responseTimedOut, false)
        case .remoteConnectionClosed: (.connectionClosed, false)
        case .invalidProxyResponse: (.proxyRefusedTunnel, false)
        case .proxyAuthenticationRequired: (.proxyAuthenticationRequired, false)
        default: (.other, false)
        }
    }

    private static func cause(errno: CInt) -> Cause {
        switch errno {
        case ECONNREFUSED: .connectionRefused
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN, EADDRNOTAVAIL: .unreachable
        case ETIMEDOUT: .connectTimedOut
        case ECONNRESET, EPIPE, ECONNABORTED: .connectionClosed
        default: .other
        }
    }
}
