import Foundation

/// Sends one read request and returns the whole response.
///
/// The request type can only describe a GET (it has no method to set), so no transport, real or
/// fake, can be asked to change anything on the PSA. Implementations must not follow redirects:
/// the client decides where credentials go.
public protocol HTTPTransport: Sendable {
    /// Performs the GET and collects the body.
    /// - Throws: a ``TransportFailure`` saying why no answer came (the client fails at once on the
    ///   ones no retry can fix); any other error counts as a connection failure worth retrying.
    func send(_ request: ReadRequest) async throws -> HTTPResponse

    /// Releases connections; called once when the client is shut down.
    func shutdown() async
}

extension HTTPTransport {
    /// Nothing to release by default.
    public func shutdown() async {}
}

/// An HTTP response, fully collected.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Response headers in order (names as sent).
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// All values of a header, compared case-insensitively by name.
    public func values(of name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}
