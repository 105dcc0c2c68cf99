/// The `fields=` parameter: trims each object to the listed fields; nested fields use `/`
/// (`securityRole/id`). Listing a field whole and also a nested part of it keeps it whole.
struct FieldSelection: Sendable {
    private let paths: [[String]]

    /// Parses a comma-separated list; `nil` when the list is empty.
    init?(_ text: String) {
        let paths = text.split(separator: ",").map { field in
            field.split(separator: "/", omittingEmptySubsequences: true).map { String($0).trimmingSpaces }
        }.filter { !$0.isEmpty && !$0.contains("") }
        guard !paths.isEmpty else { return nil }
        self.paths = paths
    }

    func apply(to value: JSONValue) -> JSONValue {
        Self.select(value, paths: paths)
    }

    private static func select(_ value: JSONValue, paths: [[String]]) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { select($0, paths: paths) })
        case .object(let fields):
            var grouped: [String: [[String]]] = [:]
            for path in paths { grouped[path[0], default: []].append(Array(path.dropFirst())) }
            var out: [String: JSONValue] = [:]
            for (name, tails) in grouped {
                // Field names are matched case-insensitively, like the rest of the API.
                guard let key = fields.keys.first(where: { $0.caseInsensitiveEquals(name) }), let field = fields[key] else { continue }
                out[key] = tails.contains(where: \.isEmpty) ? field : select(field, paths: tails)
            }
            return .object(out)
        default:
            return value
        }
    }
}
