import Foundation

/// The PSA server the scanner talks to: scheme, API host and port, parsed from `--site`.
///
/// Any path, query or fragment in the text is ignored: the base URL is always built from the
/// codebase that `/login/companyinfo` reports on this same origin.
public struct SiteAddress: Sendable, Equatable, CustomStringConvertible {
    /// `https`, or `http` for loopback hosts only.
    public let scheme: String
    /// The API host, lower-cased (a cloud UI host is already mapped to its `api-` host); no brackets for IPv6.
    public let host: String
    /// An explicit port, or nil for the scheme's default.
    public let port: Int?

    /// Cloud UI hosts and the API host each must be called on.
    static let cloudAPIHosts: [String: String] = [
        "na.myconnectwise.net": "api-na.myconnectwise.net",
        "eu.myconnectwise.net": "api-eu.myconnectwise.net",
        "au.myconnectwise.net": "api-au.myconnectwise.net",
        "aus.myconnectwise.net": "api-aus.myconnectwise.net",
        "za.myconnectwise.net": "api-za.myconnectwise.net",
        "staging.connectwisedev.com": "api-staging.connectwisedev.com",
    ]

    /// Parses `--site`: a host (`https` implied), `host:port`, or a URL with `https://` or `http://`.
    /// - Throws: ``ReaderError/invalidSite(_:reason:)`` for text that is not a site, and
    ///   ``ReaderError/insecureSite(host:)`` for `http://` to a host that is not loopback.
    public static func parse(_ text: String) throws(ReaderError) -> SiteAddress {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidSite(text, reason: "it is empty") }
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let parts = URLComponents(string: withScheme), let rawScheme = parts.scheme else {
            throw .invalidSite(trimmed, reason: "not a host name or URL")
        }
        let scheme = rawScheme.lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw .invalidSite(trimmed, reason: "the scheme must be https (or http for a loopback host)")
        }
        guard parts.user == nil, parts.password == nil else {
            throw .invalidSite(trimmed, reason: "credentials do not belong in the site URL")
        }
        var host = (parts.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || "/?#@".contains($0) }) else {
            throw .invalidSite(trimmed, reason: "no host name")
        }
        if let port = parts.port, !(1...65535).contains(port) {
            throw .invalidSite(trimmed, reason: "port \(port) is out of range")
        }
        host = cloudAPIHosts[host] ?? host
        if scheme == "http", !isLoopback(host) { throw .insecureSite(host: host) }
        return SiteAddress(scheme: scheme, host: host, port: parts.port)
    }

    /// True for `localhost`, `::1` and any address in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.first == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && Int(octet)! <= 255
        }
    }

    /// Refuses plain http to a host that is not loopback; ``parse(_:)`` already does, this guards
    /// a hand-built value before any connection.
    func requireSecureTransport() throws(ReaderError) {
        if scheme != "https", !Self.isLoopback(host) { throw .insecureSite(host: host) }
    }

    /// `scheme://host[:port]` with IPv6 hosts bracketed.
    public var origin: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart)" + (port.map { ":\($0)" } ?? "")
    }

    /// The port a URL of this origin actually uses.
    var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// True when `url` has exactly this scheme, host and port: the only origin credentials go to.
    func isSameOrigin(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), var host = url.host?.lowercased() else { return false }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return scheme == self.scheme && host == self.host && port == effectivePort
    }

    /// The origin, e.g. `https://api-na.myconnectwise.net`.
    public var description: String { origin }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
