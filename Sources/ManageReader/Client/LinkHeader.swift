import Foundation

/// The relations of an RFC 5988 `Link` header: `<url>; rel="next", <url>; rel="last"`.
struct LinkHeader: Equatable {
    /// URL text by relation name (lower-cased), first occurrence wins.
    let links: [String: String]

    /// Parses every `Link` header value of a response.
    init(_ values: [String]) {
        var links: [String: String] = [:]
        for value in values {
            for part in Self.splitLinks(value) {
                guard let open = part.firstIndex(of: "<"), let close = part[open...].firstIndex(of: ">") else { continue }
                let target = String(part[part.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
                for parameter in part[part.index(after: close)...].split(separator: ";") {
                    let pair = parameter.split(separator: "=", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                    let rels = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
                    for rel in rels.split(separator: " ") where links[String(rel)] == nil {
                        links[String(rel)] = target
                    }
                }
            }
        }
        self.links = links
    }

    /// The `rel="next"` target, if any.
    var next: String? { links["next"] }
    /// The `rel="last"` target, if any.
    var last: String? { links["last"] }

    /// Splits on commas that are outside `<…>` (URLs may contain commas, e.g. in `fields=`).
    private static func splitLinks(_ value: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0, start = value.startIndex
        for index in value.indices {
            switch value[index] {
            case "<": depth += 1
            case ">": depth = max(0, depth - 1)
            case "," where depth == 0:
                parts.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        parts.append(value[start...])
        return parts
    }
}
