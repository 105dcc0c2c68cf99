import Foundation

/// A `NO_PROXY` value as curl reads it: a comma-separated list of host names, domain suffixes
/// (with or without a leading dot), IP addresses, IPv4 CIDR ranges, or `*` for every host.
/// Matching ignores case, surrounding spaces and ports; `example.com` covers `example.com` and
/// `psa.example.com`, never `badexample.com`.
public struct NoProxyList: Sendable, Equatable {
    /// The entries, lower-cased, without leading dots, brackets or ports.
    public let entries: [String]

    /// Parses a `NO_PROXY` value.
    public init(_ text: String) {
        entries = text.split(separator: ",").compactMap { raw in
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if entry.hasPrefix("[") , let close = entry.firstIndex(of: "]") {
                entry = String(entry[entry.index(after: entry.startIndex)..<close])
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
                entry = String(entry[..<colon])  // host:port: curl ignores the port
            }
            while entry.hasPrefix(".") { entry.removeFirst() }
            while entry.hasSuffix(".") { entry.removeLast() }
            return entry.isEmpty ? nil : entry
        }
    }

    /// True when `host` must be reached without the proxy.
    public func matches(_ host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        while host.hasSuffix(".") { host.removeLast() }
        return entries.contains { entry in
            if entry == "*" || entry == host { return true }
            if entry.contains("/") { return Self.cidr(entry, contains: host) }
            // A domain suffix matches at a label boundary only; IP addresses match exactly.
            return Self.ipv4(host) == nil && !host.contains(":") && host.hasSuffix("." + entry)
        }
    }

    /// True when the IPv4 `host` lies in `range` (`a.b.c.d/n`).
    private static func cidr(_ range: String, contains host: String) -> Bool {
        let parts = range.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits),
              let network = ipv4(String(parts[0])), let address = ipv4(host) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return network & mask == address & mask
    }

    /// The 32-bit value of a dotted IPv4 address.
    private static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isNumber), let number = UInt32(octet),
                  number <= 255 else { return nil }
            value = value << 8 | number
        }
        return value
    }
}
