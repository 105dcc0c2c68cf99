/// One request as the simulator saw it. Header *names* only: values (the Authorization header,
/// the client id) are never recorded, so the log can be printed or asserted on freely.
public struct LoggedRequest: Sendable, Equatable, CustomStringConvertible {
    /// The HTTP method as sent (`GET`, `POST`, …).
    public var method: String
    /// The path without the query, as sent (percent-encoding kept).
    public var path: String
    /// The raw query string without `?`; empty when there is none.
    public var query: String
    /// The status the simulator answered with.
    public var status: Int
    /// The names of the request headers, lowercased, in the order received.
    public var headerNames: [String]

    /// Creates a log entry.
    public init(method: String, path: String, query: String, status: Int, headerNames: [String]) {
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.headerNames = headerNames
    }

    /// `GET /path?query -> 200`.
    public var description: String {
        "\(method) \(path)\(query.isEmpty ? "" : "?" + query) -> \(status)"
    }
}
