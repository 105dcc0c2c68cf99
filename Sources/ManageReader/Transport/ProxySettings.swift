import Foundation

/// The HTTP proxy the PSA is reached through, resolved from the environment as curl resolves it.
///
/// `https_proxy` (then `HTTPS_PROXY`) names an `http://[user:password@]host[:port]` proxy (no
/// scheme means `http://`; no port means 1080, as in curl). Every PSA request goes through a
/// `CONNECT` tunnel, plain `http://` loopback sites too, so the proxy never sees the API key.
/// `no_proxy` (then `NO_PROXY`) lists hosts that are reached directly. The user name and password
/// are secrets: no textual rendering of this value shows them.
public struct ProxySettings: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// The proxy host, lower-cased, without brackets for IPv6.
    public let host: String
    /// The proxy port.
    public let port: Int
    /// The user name for `Proxy-Authorization: Basic`, when the URL has one.
    public let username: String?
    /// The password that goes with ``username``.
    public let password: String?
    /// The variable the proxy came from (`https_proxy` or `HTTPS_PROXY`), for messages.
    public let variable: String

    /// curl's default proxy port.
    public static let defaultPort = 1080

    /// Creates proxy settings.
    public init(host: String, port: Int, username: String? = nil, password: String? = nil,
                variable: String = "HTTPS_PROXY") {
        self.host = host.lowercased()
        self.port = port
        self.username = username
        self.password = password
        self.variable = variable
    }

    /// The proxy to use for `targetHost`, or nil when there is none or `NO_PROXY` names the host.
    /// - Parameters:
    ///   - environment: the process environment (injected so tests never change the real one).
    ///   - targetHost: the PSA's API host.
    /// - Throws: ``ReaderError/invalidProxy(variable:reason:)`` for a value that is not an
    ///   `http://` proxy URL; the message names the variable, never its value (it may hold a password).
    public static func from(environment: [String: String], targetHost: String) throws(ReaderError) -> ProxySettings? {
        guard let (variable, value) = firstSet(["https_proxy", "HTTPS_PROXY"], in: environment) else { return nil }
        let noProxy = firstSet(["no_proxy", "NO_PROXY"], in: environment)?.value ?? ""
        if NoProxyList(noProxy).matches(targetHost) { return nil }
        return try parse(value, variable: variable)
    }

    /// Parses a proxy URL: `[http://][user[:password]@]host[:port]`.
    /// - Throws: ``ReaderError/invalidProxy(variable:reason:)``.
    public static func parse(_ text: String, variable: String = "HTTPS_PROXY") throws(ReaderError) -> ProxySettings {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let parts = URLComponents(string: withScheme), let scheme = parts.scheme?.lowercased() else {
            throw .invalidProxy(variable: variable, reason: "it is not a proxy URL such as http://proxy.example.com:3128")
        }
        guard scheme == "http" else {
            throw .invalidProxy(variable: variable, reason: "only http:// proxies are supported, not \(scheme)://")
        }
        var host = (parts.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .invalidProxy(variable: variable, reason: "it names no proxy host") }
        let port = parts.port ?? defaultPort
        guard (1...65535).contains(port) else { throw .invalidProxy(variable: variable, reason: "the port is out of range") }
        // URLComponents gives user and password percent-decoded, as curl uses them.
        let username = parts.user.flatMap { $0.isEmpty ? nil : $0 }
        return ProxySettings(host: host, port: port, username: username,
                             password: username == nil ? nil : (parts.password ?? ""), variable: variable)
    }

    /// The first variable in `names` that is set and not empty (curl prefers the lower-case spelling).
    private static func firstSet(_ names: [String], in environment: [String: String]) -> (name: String, value: String)? {
        for name in names {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return (name, value) }
        }
        return nil
    }

    /// Values that must be removed from any text (the password, and the Basic value built from it).
    var secrets: [String] {
        guard let username else { return [] }
        let basic = Data("\(username):\(password ?? "")".utf8).base64EncodedString()
        return [basic, password ?? ""].filter { $0.count >= 3 }
    }

    /// `host:port`, with IPv6 hosts bracketed.
    public var hostAndPort: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// `http://host:port`: never the user name or password.
    public var description: String { "http://\(hostAndPort)" }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Reflection shows the host and port only.
    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "credentials": username == nil ? "none" : "<redacted>"],
               displayStyle: .struct)
    }
}
