import Foundation

/// A GET request: a URL, headers and a timeout. There is no method field — every request this
/// module can build is a read.
///
/// The builder refuses any path containing `/tokens` (`/system/members/{id}/tokens` creates
/// credentials). Headers may hold the Authorization value, so every textual rendering of a
/// request redacts header values.
public struct ReadRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The absolute URL to read.
    public let url: URL
    /// Headers to send, in order.
    public let headers: [(name: String, value: String)]
    /// How long the single request may take.
    public let timeout: Duration

    /// The one HTTP method a read request uses (for transports that need to spell it out).
    public static let method = "GET"

    /// Builds a read request.
    /// - Throws: ``ReaderError/refusedURL(endpoint:reason:)`` when the path reaches a `/tokens`
    ///   endpoint, or the URL is not http(s).
    public init(url: URL, headers: [(name: String, value: String)], timeout: Duration) throws(ReaderError) {
        let path = url.path.lowercased()
        guard !path.contains("/tokens") else {
            throw .refusedURL(endpoint: url.path, reason: "the /tokens endpoints create credentials and are never called")
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw .refusedURL(endpoint: url.path, reason: "only http(s) URLs are read")
        }
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }

    /// Path plus query, for logs and errors (never headers).
    public var pathAndQuery: String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let query = components?.percentEncodedQuery.map { "?\($0)" } ?? ""
        return (components?.percentEncodedPath ?? url.path) + query
    }

    /// `GET <path?query>` — no headers.
    public var description: String { "GET \(pathAndQuery)" }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Reflection shows the URL and header names only.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": url.absoluteString, "headerNames": headers.map(\.name)], displayStyle: .struct)
    }
}
