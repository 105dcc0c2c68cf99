import Foundation
import Logging
import Synchronization

/// Sends GETs for one read: builds headers at send time, retries what is worth retrying, keeps
/// the overall deadline, stops everything after a 401 or a transport failure that no retry can
/// fix (unknown host, untrusted certificate, refused handshake or tunnel), and logs each attempt
/// without headers.
final class RequestExecutor: Sendable {
    let configuration: ReaderConfiguration
    let transport: any HTTPTransport
    let redact: Redactor
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    /// The 401 or the unfixable transport failure that stopped the read, once one has: nothing is
    /// sent after that.
    private let halt = Mutex<ReaderError?>(nil)
    /// Requests sent so far, retries included (bounded by `requestBudget`).
    private let requestsSent = Mutex(0)

    init(configuration: ReaderConfiguration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.transport = transport
        self.redact = Redactor(credentials: configuration.credentials, proxy: configuration.proxy)
        self.started = clock.now
    }

    /// The error that stopped the read (a 401 or an unfixable transport failure), if any.
    var haltedBy: ReaderError? { halt.withLock { $0 } }

    /// Stops the read: every later request fails with `error` without being sent.
    private func stop(with error: ReaderError) {
        halt.withLock { if $0 == nil { $0 = error } }
    }

    /// GETs `url` (which must be on the configured origin) and returns a 2xx response or the error.
    /// - Parameters:
    ///   - endpoint: the path named in logs, errors and gaps (e.g. `/system/members`).
    ///   - authenticated: false only for `/login/companyinfo`, which needs no credentials.
    func get(_ url: URL, endpoint: String, authenticated: Bool = true) async -> Result<HTTPResponse, ReaderError> {
        guard configuration.site.isSameOrigin(url) else {
            return .failure(.refusedURL(endpoint: endpoint, reason: "\(url.host ?? "?") is not the configured site "
                                        + "\(configuration.site.origin); credentials are only sent there"))
        }
        var lastError = ReaderError.transport(endpoint: endpoint, failure: failure(nil, for: url))
        for attempt in 1...configuration.retry.maxAttempts {
            // Named for this endpoint, not the one whose request happened to fail first: the lists
            // are read concurrently, and a report must not depend on which answer came back first.
            if let halted = haltedBy { return .failure(halted.halting(endpoint)) }
            // A cancelled read (the scan's inputs turned out invalid) sends nothing more and ends
            // as a read out of time would; its snapshot is discarded.
            if Task.isCancelled { return .failure(.deadlineExceeded(endpoint: endpoint)) }
            let remaining = configuration.deadline - (clock.now - started)
            guard remaining > .zero else { return .failure(.deadlineExceeded(endpoint: endpoint)) }
            guard spendRequest() else {
                return .failure(.requestBudgetExhausted(endpoint: endpoint, budget: configuration.requestBudget))
            }
            let request: ReadRequest
            do {
                request = try ReadRequest(url: url, headers: headers(authenticated: authenticated),
                                          timeout: min(configuration.requestTimeout, remaining))
            } catch { return .failure(error) }
            let outcome = await send(request, endpoint: endpoint, attempt: attempt)
            let retryAfter: Duration?
            switch outcome {
            case .done(let result): return result
            case .retry(let error, let after): lastError = error; retryAfter = after
            }
            guard attempt < configuration.retry.maxAttempts else { break }
            let delay = retryAfter ?? configuration.retry.backoff(afterAttempt: attempt)
            // A wait past the deadline would only delay the same failure.
            guard (clock.now - started) + delay < configuration.deadline else { return .failure(lastError) }
            configuration.logger.notice(
                "retrying \(endpoint) after \(reason(lastError)), attempt \(attempt + 1)/\(configuration.retry.maxAttempts), waiting \(seconds(delay)) s")
            await configuration.retry.sleeper.sleep(delay)
        }
        return .failure(lastError)
    }

    /// Takes one request from the budget; false when it is spent.
    private func spendRequest() -> Bool {
        requestsSent.withLock { sent in
            guard sent < configuration.requestBudget else { return false }
            sent += 1
            return true
        }
    }

    private enum Outcome {
        case done(Result<HTTPResponse, ReaderError>)
        case retry(ReaderError, retryAfter: Duration?)
    }

    /// One attempt: send, log, classify.
    private func send(_ request: ReadRequest, endpoint: String, attempt: Int) async -> Outcome {
        let start = clock.now
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            log(request, status: nil, start: start, attempt: attempt)
            let failure = failure(error, for: request.url)
            let readerError = ReaderError.transport(endpoint: endpoint, failure: failure)
            guard failure.isRetryable else {
                // Only a change of settings fixes this: fail now, and send nothing more.
                stop(with: readerError)
                return .done(.failure(readerError))
            }
            return .retry(readerError, retryAfter: nil)
        }
        log(request, status: response.status, start: start, attempt: attempt)
        switch response.status {
        case 200..<300:
            return .done(.success(response))
        case 401:
            stop(with: .authenticationFailed(endpoint: endpoint))
            return .done(.failure(.authenticationFailed(endpoint: endpoint)))
        case 403:
            return .done(.failure(.forbidden(endpoint: endpoint)))
        case 429:
            return .retry(.httpStatus(endpoint: endpoint, status: 429, detail: errorDetail(response)),
                          retryAfter: retryAfter(response))
        case 500...599:
            return .retry(.httpStatus(endpoint: endpoint, status: response.status, detail: errorDetail(response)),
                          retryAfter: nil)
        default:
            return .done(.failure(.httpStatus(endpoint: endpoint, status: response.status, detail: errorDetail(response))))
        }
    }

    /// The transport's own classification, or (for any other error, e.g. a test transport's) an
    /// unclassified failure, which stays retryable.
    private func failure(_ error: (any Error)?, for url: URL) -> TransportFailure {
        if let failure = error as? TransportFailure { return failure }
        return TransportFailure(cause: .other, host: configuration.site.host, port: configuration.site.effectivePort,
                                proxy: configuration.proxy?.hostAndPort, proxyVariable: configuration.proxy?.variable)
    }

    /// Accept, plus the credentials headers for authenticated calls (built now, never stored).
    private func headers(authenticated: Bool) -> [(name: String, value: String)] {
        var headers = [(name: "Accept", value: "application/vnd.connectwise.com+json; version=\(configuration.apiVersion)")]
        if authenticated {
            headers.append((name: "Authorization", value: configuration.credentials.authorizationValue))
            headers.append((name: "clientId", value: configuration.credentials.clientId))
        }
        return headers
    }

    /// The `Retry-After` of a response, as the policy honours it.
    private func retryAfter(_ response: HTTPResponse) -> Duration? {
        configuration.retry.retryAfter(response.values(of: "Retry-After").first)
    }

    /// A short, redacted explanation from a ConnectWise error body (`message`, `code`, `error`) or its raw text.
    private func errorDetail(_ response: HTTPResponse) -> String {
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            let parts = ["code", "error", "message"].compactMap { object[$0] as? String }
            if !parts.isEmpty { return redact(parts.joined(separator: ": ")) }
        }
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return redact(text)
    }

    private func log(_ request: ReadRequest, status: Int?, start: ContinuousClock.Instant, attempt: Int) {
        let ms = Int((Self.seconds(clock.now - start) * 1000).rounded())
        configuration.logger.debug(
            "GET \(request.pathAndQuery) → \(status.map(String.init) ?? "no response") in \(ms) ms (attempt \(attempt)/\(configuration.retry.maxAttempts))")
    }

    private func reason(_ error: ReaderError) -> String {
        if let status = error.status { return String(status) }
        if let failure = error.transportFailure { return failure.causeInWords }
        return "a connection error"
    }

    private func seconds(_ duration: Duration) -> String { String(format: "%.1f", Self.seconds(duration)) }

    static func seconds(_ duration: Duration) -> Double { RetryPolicy.seconds(duration) }
}
