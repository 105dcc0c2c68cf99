import Foundation

extension TransportFailure {
    /// The cause in a few words, for retry log lines (the full ``message`` comes once, when the read gives up).
    public var causeInWords: String {
        let place = atProxy ? "the proxy \(proxy ?? "?")" : siteHostAndPort
        switch cause {
        case .cannotResolve: return "\(place): host name not resolved"
        case .connectionRefused: return "\(place): connection refused"
        case .unreachable: return "\(place): network or host unreachable"
        case .connectTimedOut: return "\(place): no connection in time"
        case .connectionClosed: return "\(place): connection closed"
        case .responseTimedOut: return "\(place): no answer in time"
        case .certificateNotTrusted: return "\(place): certificate not trusted"
        case .certificateNameMismatch: return "\(place): certificate for another host name"
        case .handshakeRefused: return "\(place): TLS handshake refused"
        case .proxyRefusedTunnel: return "\(place): the proxy refused the tunnel"
        case .proxyAuthenticationRequired: return "\(place): proxy authentication failed"
        case .other: return "\(place): connection failed"
        }
    }

    /// One sentence naming the host and port, the cause in words, and what to do; never a
    /// library type name, an error code, an errno or a source path, and never a proxy password.
    public var message: String {
        let site = siteHostAndPort
        let proxyName = "the proxy \(proxy ?? "?")" + (proxyVariable.map { " (from \($0))" } ?? "")
        let proxyVariable = self.proxyVariable ?? "HTTPS_PROXY"
        // Failures on the way to the proxy are about the proxy, not the PSA.
        if atProxy {
            switch cause {
            case .cannotResolve:
                return "cannot resolve \(proxyName): the proxy's host name has no address; check \(proxyVariable)"
            case .connectionRefused:
                return "cannot connect to \(proxyName): connection refused, nothing accepts connections on that port; "
                    + "check \(proxyVariable)"
            case .unreachable, .connectTimedOut:
                return "cannot connect to \(proxyName): \(cause == .unreachable ? "the network or host is unreachable" : "no answer in time"); "
                    + "check \(proxyVariable)"
            default: break
            }
        }
        switch cause {
        case .cannotResolve:
            return "cannot resolve \(host): the host name has no address (a typo in --site, or a name only an internal "
                + "DNS knows); check the host name"
        case .connectionRefused:
            return "cannot connect to \(site): connection refused, nothing accepts connections on that port; check the "
                + "port in --site and that the PSA is running"
        case .unreachable:
            return "cannot connect to \(site): the network or host is unreachable; check the address, the network and "
                + "any firewall in between"
        case .connectTimedOut:
            return "cannot connect to \(site): no answer in time (a firewall may drop the connection, or the network "
                + "needs a proxy: set HTTPS_PROXY)"
        case .connectionClosed:
            return "the connection to \(site) was closed before the PSA answered"
        case .responseTimedOut:
            return "\(site) did not answer in time"
        case .certificateNotTrusted:
            return "the certificate of \(site) is not trusted: self-signed or issued by an unknown CA (or expired); "
                + "if your PSA uses an internal CA, pass --ca-file with that CA's PEM certificate"
        case .certificateNameMismatch:
            return "the certificate of \(site) is not valid for \(host): it was issued for another host name; use the "
                + "name on the certificate in --site"
        case .handshakeRefused:
            return "the TLS handshake with \(site) was refused: the server does not speak TLS on that port, or it "
                + "accepts no TLS version or cipher this tool offers; check the scheme and port in --site"
        case .proxyRefusedTunnel:
            return "\(proxyName) refused the tunnel to \(site); ask for \(host) to be allowed through the proxy, or "
                + "list it in NO_PROXY if it can be reached directly"
        case .proxyAuthenticationRequired:
            return "\(proxyName) refused the tunnel to \(site): proxy authentication failed (407); put the right "
                + "user name and password in \(proxyVariable) as http://user:password@host:port"
        case .other:
            return "the connection to \(site) failed before the PSA answered"
                + (proxy == nil ? "" : " (through \(proxyName))")
        }
    }
}
