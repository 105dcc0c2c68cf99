import Foundation

/// A parsed query string that keeps each parameter's raw text, so pagination links can repeat the
/// client's other parameters exactly as it sent them.
struct QueryString: Sendable {
    /// One `name=value` pair: decoded name and value, plus the raw pair as received.
    struct Parameter: Sendable {
        var name: String
        var value: String
        var raw: String
    }

    var parameters: [Parameter]

    init(_ raw: String) {
        parameters = raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            return Parameter(name: name, value: value, raw: String(pair))
        }
    }

    /// The decoded value of the first parameter named `name` (case-insensitive, as ConnectWise is).
    subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return parameters.first { $0.name.lowercased() == wanted }?.value
    }

    /// The raw pairs other than the named ones, joined with `&`.
    func rawExcluding(_ names: Set<String>) -> [String] {
        parameters.filter { !names.contains($0.name.lowercased()) }.map(\.raw)
    }

    /// Percent-decoding with `+` as a space, as HTML forms and most HTTP clients encode queries.
    private static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
