import Foundation
import V360Core

/// Reads every page of one list.
///
/// Pages follow the `Link` header. When page 1 names its `rel="last"` page, the remaining pages
/// are requested concurrently (one request per page, as few as sequential paging needs). A page
/// cap and a visited-URL set stop a server that never ends; a link to another origin is a gap,
/// never followed.
struct ListReader: Sendable {
    let executor: RequestExecutor
    /// `scheme://host[:port]/<codebase>apis/3.0`.
    let base: String

    /// Rows read (possibly partial) and the error that stopped the read, if any.
    struct ListResult<Row: Sendable>: Sendable {
        var rows: [Row] = []
        var error: ReaderError?
    }

    private struct Page<Row: Sendable>: Sendable {
        var rows: [Row] = []
        var next: URL?
        var last: URL?
        var error: ReaderError?
    }

    /// Reads all pages of `endpoint`, mapping each JSON object with `map`.
    /// - Parameter fast: reads a whole page straight from its bytes, or returns nil to leave it to
    ///   `map` (see ``RoleSettingsPage``).
    func read<Row: Sendable>(
        _ endpoint: ListEndpoint, fast: (@Sendable (Data) -> [Row]?)? = nil,
        map: @escaping @Sendable (APIObject) throws -> Row
    ) async -> ListResult<Row> {
        let configuration = executor.configuration
        guard let first = endpoint.firstPage(base: base, pageSize: configuration.pageSize) else {
            return ListResult(error: .badData(endpoint: endpoint.path, detail: "could not build the request URL"))
        }
        var result = ListResult<Row>()
        var visited: Set<String> = [first.absoluteString]
        var page = await fetch(first, endpoint, fast: fast, map: map)
        var pagesRead = 1
        result.rows = page.rows
        if let error = page.error { return ListResult(rows: [], error: error) }

        // Fast path: page 1 says which page is last, so fetch the rest at once.
        if let next = page.next, let last = page.last, let lastNumber = Self.pageNumber(last),
           Self.pageNumber(next) == 2, lastNumber >= 2, configuration.maxPages >= 2 {
            let final = min(lastNumber, configuration.maxPages)
            let urls = (2...final).compactMap { Self.url(next, page: $0) }
            urls.forEach { visited.insert($0.absoluteString) }
            let pages = await urls.boundedMap(limit: configuration.concurrency) { url in
                await fetch(url, endpoint, fast: fast, map: map)
            }
            pagesRead += pages.count
            for fetched in pages {
                result.rows += fetched.rows
                if result.error == nil { result.error = fetched.error }
            }
            if result.error != nil { return result }
            page = pages.last ?? page
            if lastNumber > configuration.maxPages {
                result.error = capError(endpoint, configuration.maxPages)
                return result
            }
        }
        // Forward paging (and anything the last page still links to).
        while let next = page.next, !page.rows.isEmpty {
            guard pagesRead < configuration.maxPages else {
                result.error = capError(endpoint, configuration.maxPages)
                return result
            }
            guard visited.insert(next.absoluteString).inserted else {
                result.error = .badData(endpoint: endpoint.path, detail: "the Link header points back to a page already read")
                return result
            }
            page = await fetch(next, endpoint, fast: fast, map: map)
            pagesRead += 1
            result.rows += page.rows
            if let error = page.error {
                result.error = error
                return result
            }
        }
        return result
    }

    private func capError(_ endpoint: ListEndpoint, _ cap: Int) -> ReaderError {
        .badData(endpoint: endpoint.path, detail: "more than \(cap) pages; the rest was not read")
    }

    /// One page: GET, parse the JSON array, map the rows, read the links.
    private func fetch<Row: Sendable>(
        _ url: URL, _ endpoint: ListEndpoint, fast: (@Sendable (Data) -> [Row]?)?,
        map: @escaping @Sendable (APIObject) throws -> Row
    ) async -> Page<Row> {
        let response: HTTPResponse
        switch await executor.get(url, endpoint: endpoint.path) {
        case .failure(let error): return Page(error: error)
        case .success(let value): response = value
        }
        var page = Page<Row>()
        do {
            page.rows = try fast?(response.body) ?? APIObject.array(from: response.body, endpoint: endpoint.path).map(map)
        } catch let error as ReaderError {
            return Page(error: error)
        } catch {
            return Page(error: .badData(endpoint: endpoint.path, detail: executor.redact(String(describing: error))))
        }
        let links = LinkHeader(response.values(of: "Link"))
        page.next = links.next.flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
        page.last = links.last.flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
        return page
    }

    /// The `page` query value of a URL.
    static func pageNumber(_ url: URL) -> Int? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?
            .first { $0.name.lowercased() == "page" }?.value.flatMap { Int($0) }
    }

    /// `url` with its `page` query value replaced.
    static func url(_ url: URL, page: Int) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        components.queryItems = (components.queryItems ?? []).map {
            $0.name.lowercased() == "page" ? URLQueryItem(name: $0.name, value: String(page)) : $0
        }
        return components.url
    }
}
