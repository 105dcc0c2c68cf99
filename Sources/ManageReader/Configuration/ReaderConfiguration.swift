import Foundation
import Logging

/// Everything ``ManageClient`` needs to read a tenant: where, as whom, and how patiently.
public struct ReaderConfiguration: Sendable {
    /// The PSA origin.
    public var site: SiteAddress
    /// The scanner's API key.
    public var credentials: Credentials
    /// How many per-role settings lists (and extra list pages) are read at once.
    public var concurrency: Int
    /// How failed requests are retried (attempts, backoff, `Retry-After`, how waits happen).
    public var retry: RetryPolicy
    /// Time allowed for one request.
    public var requestTimeout: Duration
    /// Time allowed for the whole read; what is not read by then becomes gaps.
    public var deadline: Duration
    /// The API model version requested in `Accept`.
    public var apiVersion: String
    /// Rows per page (the API's maximum is 1000).
    public var pageSize: Int
    /// Pages read per list at most (protection against a server that never stops paging).
    public var maxPages: Int
    /// HTTP requests per read at most, retries included: a bound on the load one scan can put on the
    /// PSA whatever the server answers (a large tenant needs a few hundred).
    public var requestBudget: Int
    /// The capture clock (`capturedAt`).
    public var now: @Sendable () -> Date
    /// Where request and retry lines go (never a header value).
    public var logger: Logger
    /// The HTTP proxy to tunnel through (`HTTPS_PROXY`), already checked against `NO_PROXY`.
    public var proxy: ProxySettings?
    /// CA certificates trusted in addition to the system roots (`--ca-file`).
    public var trustedCertificates: TrustedCertificates?

    /// Creates a configuration with docs/design.md's defaults.
    public init(
        site: SiteAddress, credentials: Credentials, concurrency: Int = 8, maxAttempts: Int = 5,
        requestTimeout: Duration = .seconds(30), deadline: Duration = .seconds(600), apiVersion: String = "2025.8",
        pageSize: Int = 1000, maxPages: Int = 1000, requestBudget: Int = 10_000, initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8), maxRetryAfter: Duration = .seconds(60),
        now: @escaping @Sendable () -> Date = Date.init, sleeper: Sleeper = .live,
        jitter: @escaping @Sendable (Double) -> Double = { Double.random(in: 0...max(0, $0)) },
        logger: Logger = Logger(label: "v360audit.reader"), proxy: ProxySettings? = nil,
        trustedCertificates: TrustedCertificates? = nil
    ) {
        self.site = site
        self.credentials = credentials
        self.concurrency = max(1, concurrency)
        retry = RetryPolicy(maxAttempts: maxAttempts, initialBackoff: initialBackoff, maxBackoff: maxBackoff,
                            maxRetryAfter: maxRetryAfter, jitter: jitter, sleeper: sleeper)
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.apiVersion = apiVersion
        self.pageSize = min(max(1, pageSize), 1000)
        self.maxPages = max(1, maxPages)
        self.requestBudget = max(1, requestBudget)
        self.now = now
        self.logger = logger
        self.proxy = proxy
        self.trustedCertificates = trustedCertificates
    }
}
