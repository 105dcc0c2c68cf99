/// Serves one collection request: `conditions` filter, `orderBy`, pagination (navigable with an
/// RFC 5988 `Link` header, or forward-only by `pageId`), then `fields` trimming.
struct ListResponder: Sendable {
    /// ConnectWise's default and maximum page sizes.
    static let defaultPageSize = 25
    static let maximumPageSize = 1000

    /// The path exactly as requested (links repeat the client's spelling).
    var path: String
    var query: QueryString
    var forwardOnly: Bool
    /// `http://127.0.0.1:PORT`, the prefix of every link.
    var baseURL: String

    /// The items matching `conditions`, or a 400 response when the conditions cannot be parsed.
    func filtered(_ items: [JSONValue]) -> Result<[JSONValue], SimulatorResponse.Failure> {
        guard let text = query["conditions"], !text.trimmingSpaces.isEmpty else { return .success(items) }
        do {
            let expression = try ConditionExpression(text)
            return .success(items.filter(expression.matches))
        } catch {
            return .failure(.init(response: .error(400, code: "InvalidObject", message: "conditions: \(error.message)")))
        }
    }

    func respond(items all: [JSONValue]) -> SimulatorResponse {
        var items: [JSONValue]
        switch filtered(all) {
        case .success(let matching): items = matching
        case .failure(let failure): return failure.response
        }
        if let orderBy = query["orderBy"], !orderBy.trimmingSpaces.isEmpty {
            guard !forwardOnly else {
                return .error(400, code: "InvalidObject", message: "orderBy is not allowed with forward-only pagination")
            }
            guard let sorted = Self.sorted(items, by: orderBy) else {
                return .error(400, code: "InvalidObject", message: "orderBy: expected 'field', 'field asc' or 'field desc'")
            }
            items = sorted
        }
        var pageSize = Self.defaultPageSize
        if let text = query["pageSize"] {
            guard let number = Int(text.trimmingSpaces) else { return .error(400, code: "InvalidObject", message: "pageSize must be an integer") }
            pageSize = number < 1 ? Self.defaultPageSize : min(number, Self.maximumPageSize)
        }
        let fields = query["fields"].flatMap(FieldSelection.init)
        let (page, link) = forwardOnly ? forwardOnlyPage(items, pageSize: pageSize) : navigablePage(items, pageSize: pageSize)
        guard let page else { return .error(400, code: "InvalidObject", message: link) }
        let body = JSONValue.array(fields.map { selection in page.map(selection.apply) } ?? page)
        return .json(body, headers: [("Link", link)])
    }

    private func link(_ extra: String) -> String {
        let others = query.rawExcluding(["page", "pagesize", "pageid"])
        return baseURL + path + "?" + (others + [extra]).joined(separator: "&")
    }

    /// A page by `page`/`pageSize`, with first/prev/next/last links (prev and next only when they exist).
    private func navigablePage(_ items: [JSONValue], pageSize: Int) -> ([JSONValue]?, String) {
        var page = 1
        if let text = query["page"] {
            guard let number = Int(text.trimmingSpaces) else { return (nil, "page must be an integer") }
            page = max(1, number)
        }
        let lastPage = max(1, (items.count + pageSize - 1) / pageSize)
        let start = min(items.count, (page - 1) * pageSize)
        let slice = Array(items[start..<min(items.count, start + pageSize)])
        var links = ["<\(link("page=1&pageSize=\(pageSize)"))>; rel=\"first\""]
        if page > 1 { links.append("<\(link("page=\(min(page - 1, lastPage))&pageSize=\(pageSize)"))>; rel=\"prev\"") }
        if page < lastPage { links.append("<\(link("page=\(page + 1)&pageSize=\(pageSize)"))>; rel=\"next\"") }
        links.append("<\(link("page=\(lastPage)&pageSize=\(pageSize)"))>; rel=\"last\"")
        return (slice, links.joined(separator: ", "))
    }

    /// A forward-only page: rows with `id > pageId` in id order; the `Link` header names the next
    /// `pageId` and is empty on the last page (clients stop on an empty header).
    private func forwardOnlyPage(_ items: [JSONValue], pageSize: Int) -> ([JSONValue]?, String) {
        var after = 0
        if let text = query["pageId"] {
            guard let number = Int(text.trimmingSpaces) else { return (nil, "pageId must be an integer") }
            after = number
        }
        let remaining = items.filter { ($0["id"]?.intValue ?? Int.min) > after }
            .sorted { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }
        let slice = Array(remaining.prefix(pageSize))
        guard remaining.count > pageSize, let lastId = slice.last?["id"]?.intValue else { return (slice, "") }
        return (slice, "<\(link("pageId=\(lastId)&pageSize=\(pageSize)"))>; rel=\"next\"")
    }

    private static func sorted(_ items: [JSONValue], by orderBy: String) -> [JSONValue]? {
        let parts = orderBy.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 1 || (parts.count == 2 && ["asc", "desc"].contains(parts[1].lowercased())) else { return nil }
        let descending = parts.count == 2 && parts[1].lowercased() == "desc"
        let keyed = items.map { ($0, $0.valueCaseInsensitive(atPath: parts[0]) ?? .null) }
        return keyed.sorted { lhs, rhs in
            let ordered = Self.less(lhs.1, rhs.1)
            return descending ? Self.less(rhs.1, lhs.1) : ordered
        }.map(\.0)
    }

    private static func less(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): x < y
        case (.string(let x), .string(let y)): x.lowercased() < y.lowercased()
        case (.bool(let x), .bool(let y)): !x && y
        case (.null, .null): false
        case (.null, _): true
        default: false
        }
    }
}
