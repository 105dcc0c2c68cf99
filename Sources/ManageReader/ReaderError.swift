import Foundation

/// Everything that can go wrong in ManageReader, with the context needed to act on it.
///
/// No case ever carries a secret: endpoint paths, statuses and field names only. The CLI maps
/// ``isUsage`` to exit code 64 and everything else (PSA data could not be read) to exit code 2.
public enum ReaderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `--site` could not be understood.
    case invalidSite(String, reason: String)
    /// A plain `http://` site that is not a loopback host: refused before any connection.
    case insecureSite(host: String)
    /// A credential field is empty or holds whitespace or invisible characters inside it.
    case invalidCredential(field: String, reason: String)
    /// The PSA answered 401: the credentials were not accepted.
    case authenticationFailed(endpoint: String)
    /// The PSA answered 403: the scanner's role may not read this endpoint.
    case forbidden(endpoint: String)
    /// Any other unsuccessful HTTP status (after retries where they apply).
    case httpStatus(endpoint: String, status: Int, detail: String)
    /// No HTTP answer: the connection, TLS or proxy failed (after retries where they can help).
    case transport(endpoint: String, failure: TransportFailure)
    /// The body was not the JSON the endpoint should return.
    case badData(endpoint: String, detail: String)
    /// The overall read deadline passed before this endpoint could be read.
    case deadlineExceeded(endpoint: String)
    /// The read's request budget was spent before this endpoint could be read.
    case requestBudgetExhausted(endpoint: String, budget: Int)
    /// A URL the server pointed at (a `Link` header) that the client refuses to call.
    case refusedURL(endpoint: String, reason: String)
    /// A snapshot file that is not a valid snapshot of this build's format.
    case invalidSnapshot(file: String, line: Int?, path: String?, detail: String)
    /// A snapshot file that could not be read or written.
    case snapshotIO(file: String, detail: String)
    /// `--ca-file` / `CWM_CA_FILE` names a file that is missing or holds no PEM certificate.
    case invalidCAFile(file: String, reason: String)
    /// `HTTPS_PROXY` / `https_proxy` is not an `http://` proxy URL (the value is never shown: it may hold a password).
    case invalidProxy(variable: String, reason: String)

    /// True for usage and invalid-input problems (exit 64); false when PSA data could not be read (exit 2).
    public var isUsage: Bool {
        switch self {
        case .invalidSite, .insecureSite, .invalidCredential, .invalidSnapshot, .snapshotIO, .invalidCAFile,
             .invalidProxy: true
        case .authenticationFailed, .forbidden, .httpStatus, .transport, .badData, .deadlineExceeded,
             .requestBudgetExhausted, .refusedURL: false
        }
    }

    /// The process exit code the CLI should use for this error: 64 (usage/input) or 2 (PSA read).
    public var exitCode: Int32 { isUsage ? 64 : 2 }

    /// This error (one that stops a read: a 401 or an unfixable transport failure) as it stops a
    /// request to `endpoint` too: the key or the connection fails for every endpoint alike.
    func halting(_ endpoint: String) -> ReaderError {
        switch self {
        case .authenticationFailed: .authenticationFailed(endpoint: endpoint)
        case .transport(_, let failure): .transport(endpoint: endpoint, failure: failure)
        default: self
        }
    }

    /// The endpoint the error is about, when there is one.
    public var endpoint: String? {
        switch self {
        case .authenticationFailed(let e), .forbidden(let e), .httpStatus(let e, _, _), .transport(let e, _),
             .badData(let e, _), .deadlineExceeded(let e), .requestBudgetExhausted(let e, _), .refusedURL(let e, _): e
        default: nil
        }
    }

    /// The transport failure, when the PSA gave no HTTP answer.
    public var transportFailure: TransportFailure? {
        if case .transport(_, let failure) = self { return failure }
        return nil
    }

    /// The HTTP status the error is about, when the server answered.
    public var status: Int? {
        switch self {
        case .authenticationFailed: 401
        case .forbidden: 403
        case .httpStatus(_, let status, _): status
        default: nil
        }
    }

    /// A one-paragraph explanation without secrets.
    public var description: String {
        switch self {
        case .invalidSite(let text, let reason):
            "invalid site \"\(text)\": \(reason)"
        case .insecureSite(let host):
            "refusing plain http:// to \(host): only loopback hosts (127.0.0.0/8, localhost, ::1) may use http; use https://"
        case .invalidCredential(let field, let reason):
            "invalid \(field): \(reason)"
        case .authenticationFailed(let endpoint):
            """
            authentication failed (401) on \(endpoint): the PSA did not accept the API key. Usual causes: \
            whitespace pasted into a key, a wrong company ID (the login company, not a number), a missing \
            or wrong client ID, or the API key was deleted or its member is inactive
            """
        case .forbidden(let endpoint):
            "403 Forbidden on \(endpoint): the scanner's security role is not permitted to read it"
        case .httpStatus(let endpoint, let status, let detail):
            "HTTP \(status) on \(endpoint)" + (detail.isEmpty ? "" : ": \(detail)")
        case .transport(_, let failure):
            // The endpoint is in the gap or log line around it; the sentence is about the connection.
            failure.message
        case .badData(let endpoint, let detail):
            "bad data from \(endpoint): \(detail)"
        case .deadlineExceeded(let endpoint):
            "the overall read deadline passed before \(endpoint) could be read"
        case .requestBudgetExhausted(let endpoint, let budget):
            "the read's budget of \(budget) requests was spent before \(endpoint) could be read"
        case .refusedURL(let endpoint, let reason):
            "not followed from \(endpoint): \(reason)"
        case .invalidSnapshot(let file, let line, let path, let detail):
            "\(file)" + (line.map { ":\($0)" } ?? "") + ": invalid snapshot"
                + (path.map { " at \($0)" } ?? "") + ": \(detail)"
        case .snapshotIO(let file, let detail):
            "\(file): \(detail)"
        case .invalidCAFile(let file, let reason):
            "\(file): not usable as --ca-file: \(reason)"
        case .invalidProxy(let variable, let reason):
            "\(variable) is not usable: \(reason)"
        }
    }
}
