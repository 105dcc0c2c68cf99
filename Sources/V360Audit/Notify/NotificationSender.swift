import AsyncHTTPClient
import Foundation
import Logging
import ManageReader
import NIOCore
import Reports

/// Posts one notification, retrying what a retry can fix.
///
/// A separate client from the PSA reader's on purpose: the reader's transport can only send `GET`
/// (docs/design.md, "Read-only by construction"), and it keeps that property only if no code path in
/// it builds another method. This sender builds `POST`s, so it lives here, with its own
/// `HTTPClient` (configured like the reader's: TLS verified with `--ca-file` added, no redirects,
/// the proxy tunnelled), takes nothing but a webhook URL from an environment variable, and has no
/// access to the PSA's credentials: it can never send a request to the PSA or carry its key.
///
/// 429, 5xx and connection errors that a retry can fix are tried again, at most ``maxAttempts``
/// times in all, waiting `Retry-After` (capped at ``maxRetryAfter``) or 1 s then 2 s. No jitter:
/// one run sends one request per channel, so there is no crowd of clients to spread out.
struct NotificationSender: Sendable {
    /// What to post: the body, and the headers of each attempt (a signature covers the attempt's time).
    struct Request: Sendable {
        /// The channel kind (for messages).
        var kind: NotificationKind
        /// Where to post (secret).
        var url: URL
        /// The webhook's host (for classifying connection errors; never shown).
        var host: String
        /// The JSON body.
        var body: [UInt8]
        /// Extra headers for an attempt made at the given time.
        var headers: @Sendable (Date) -> [(name: String, value: String)] = { _ in [] }
    }

    /// How a notification ended.
    enum Outcome: Sendable, Equatable {
        /// A 2xx answer.
        case delivered(status: Int, attempts: Int)
        /// No 2xx answer: `reason` is `HTTP 500` or a connection problem in words (never the URL).
        case failed(reason: String, attempts: Int)
    }

    /// Attempts in all, the first included.
    var maxAttempts = 3
    /// The longest `Retry-After` honoured.
    var maxRetryAfter: Duration = .seconds(30)
    /// The wait before the second attempt (doubling after).
    var initialBackoff: Duration = .seconds(1)
    /// The longest wait for one answer.
    var requestTimeout: Duration = .seconds(30)
    /// How retries wait (tests record the waits instead).
    var sleeper: Sleeper = .live
    /// The clock for `webhook-timestamp`.
    var now: @Sendable () -> Date = { Date() }
    /// The proxy for this webhook's host, if any.
    var proxy: ProxySettings?
    /// `--ca-file` certificates, if any.
    var trustedCertificates: TrustedCertificates?
    /// Where retries are logged (never with the URL).
    var logger: Logger

    /// Posts `request`, retrying as described above.
    func send(_ request: Request) async -> Outcome {
        let configuration = AsyncHTTPTransport.configuration(connectionsPerHost: 1, readTimeout: requestTimeout,
                                                             proxy: proxy, trustedCertificates: trustedCertificates)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let outcome = await attempts(request, client: client)
        try? await client.shutdown()
        return outcome
    }

    private func attempts(_ request: Request, client: HTTPClient) async -> Outcome {
        var reason = "no attempt made"
        for attempt in 1...maxAttempts {
            let retryAfter: Duration?
            switch await attemptOnce(request, client: client) {
            case .success(let status):
                return .delivered(status: status, attempts: attempt)
            case .failure(let failure):
                reason = failure.reason
                guard failure.retryable else { return .failed(reason: reason, attempts: attempt) }
                retryAfter = failure.retryAfter
            }
            guard attempt < maxAttempts else { break }
            let delay = retryAfter.map { min($0, maxRetryAfter) } ?? initialBackoff * (1 << (attempt - 1))
            let line = "retrying the \(request.kind.rawValue) notification after \(reason), attempt \(attempt + 1)/\(maxAttempts), "
                + "waiting \(delay.components.seconds) s"
            logger.notice("\(line)")
            await sleeper.sleep(delay)
        }
        return .failed(reason: reason, attempts: maxAttempts)
    }

    /// Why one attempt failed, whether to retry, and how long the server asked to wait.
    private struct AttemptFailure: Error {
        var reason: String
        var retryable: Bool
        var retryAfter: Duration?
    }

    private func attemptOnce(_ request: Request, client: HTTPClient) async -> Result<Int, AttemptFailure> {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .POST
        outgoing.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        outgoing.headers.add(name: "User-Agent", value: "\(ToolInfo.name)/\(ToolInfo.version)")
        for header in request.headers(now()) { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(request.body)
        let status: Int
        let retryAfterText: String?
        do {
            let response = try await client.execute(outgoing, timeout: Self.timeAmount(requestTimeout))
            status = Int(response.status.code)
            retryAfterText = response.headers.first(name: "Retry-After")
            // The answer's body is not used; read it so the connection is left clean.
            _ = try? await response.body.collect(upTo: 1 << 20)
        } catch {
            let scheme = request.url.scheme?.lowercased()
            let failure = TransportFailure.classify(error, host: request.host,
                                                    port: request.url.port ?? (scheme == "http" ? 80 : 443), proxy: proxy)
            return .failure(AttemptFailure(reason: Self.words(failure.cause), retryable: failure.isRetryable))
        }
        switch status {
        case 200..<300: return .success(status)
        case 429, 500...599:
            return .failure(AttemptFailure(reason: "HTTP \(status)", retryable: true,
                                           retryAfter: retryAfterText.flatMap { Self.retryAfter($0, now: now()) }))
        default: return .failure(AttemptFailure(reason: "HTTP \(status)", retryable: false))
        }
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ text: String, now: Date) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }

    /// A connection problem in a few words, without the host (the URL is a secret; its host is
    /// left out too, so a message never hints at more of it than the channel kind).
    static func words(_ cause: TransportFailure.Cause) -> String {
        switch cause {
        case .cannotResolve: "the webhook's host name did not resolve"
        case .connectionRefused: "connection refused"
        case .unreachable: "network or host unreachable"
        case .connectTimedOut: "no connection in time"
        case .connectionClosed: "the connection was closed before an answer"
        case .responseTimedOut: "no answer in time"
        case .certificateNotTrusted: "the webhook's certificate is not trusted (pass --ca-file for an internal CA)"
        case .certificateNameMismatch: "the webhook's certificate is for another host name"
        case .handshakeRefused: "the TLS handshake was refused"
        case .proxyRefusedTunnel: "the proxy refused the tunnel"
        case .proxyAuthenticationRequired: "proxy authentication failed"
        case .other: "the connection failed"
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
