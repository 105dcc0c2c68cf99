import Foundation
import Logging
import ManageReader
import Reports

/// Sends a scan's notifications once, after its reports are written (docs/design.md, "Notifications");
/// a fleet run sends one fleet summary per channel, after the fleet reports.
///
/// Built before the scan reads anything, so a missing variable, a URL on the command line or a
/// bad proxy setting fails at once with exit 64. Sending never changes the exit code: a channel
/// that still fails after its retries prints one line naming its kind and the status.
struct NotificationDispatcher: Sendable {
    /// One channel and the proxy its host is reached through.
    struct Channel: Sendable {
        var target: NotificationTarget
        var proxy: ProxySettings?
    }

    /// The channels, in `--notify` order.
    let channels: [Channel]
    /// `--notify-when`.
    let when: NotifyWhen
    /// `--ca-file` certificates, applied to the webhooks as to the PSA.
    let trustedCertificates: TrustedCertificates?
    /// How retries wait (tests record instead).
    var sleeper: Sleeper = .live
    /// The clock of the signature timestamps.
    var now: @Sendable () -> Date = { Date() }
    /// A new Standard Webhooks message id.
    var messageID: @Sendable () -> String = { "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }

    /// Resolves the channels of `options` from the environment.
    /// - Parameter trusted: loads the `--ca-file` certificates; called only when there is a channel.
    /// - Throws: `V360AuditError` (exit 64) naming the variable or file at fault, never a URL.
    init(options: NotifyOptions, environment: [String: String],
         trusted: () throws(V360AuditError) -> TrustedCertificates?) throws(V360AuditError) {
        var channels: [Channel] = []
        for target in try options.targets(environment: environment) {
            do {
                channels.append(Channel(target: target, proxy: try ProxySettings.from(environment: environment,
                                                                                       targetHost: target.host)))
            } catch {
                throw .reader(error)
            }
        }
        self.channels = channels
        self.when = options.notifyWhen
        self.trustedCertificates = try channels.isEmpty ? nil : trusted()
    }

    /// Sends every channel's payload for one scan, when `--notify-when` says so; the outcomes in
    /// channel order (empty when nothing was to be sent).
    @discardableResult
    func send(_ context: ReportContext, reportFiles: [String], console: Console, logger: Logger) async
        -> [NotificationSender.Outcome] {
        guard !channels.isEmpty else { return [] }
        guard when.shouldNotify(context) else { return skipped(logger) }
        let digest = NotificationDigest(context, reportFiles: reportFiles)
        return await post(console: console, logger: logger) { kind in
            switch kind {
            case .teams: TeamsCard.payload(digest)
            case .slack: SlackMessage.payload(digest)
            case .webhook: WebhookEnvelope.payload(digest)
            }
        }
    }

    /// Sends a fleet run's one summary per channel (never one per tenant), when `--notify-when`
    /// says so; the outcomes in channel order (empty when nothing was to be sent).
    /// - Parameters:
    ///   - summary: The fleet summary the fleet reports were written from.
    ///   - reportURL: `--report-url`.
    ///   - reportFiles: The fleet reports written.
    @discardableResult
    func send(fleet summary: FleetSummary, reportURL: String?, reportFiles: [String], console: Console,
              logger: Logger) async -> [NotificationSender.Outcome] {
        guard !channels.isEmpty else { return [] }
        guard when.shouldNotify(summary) else { return skipped(logger) }
        let digest = FleetDigest(summary, reportURL: reportURL, reportFiles: reportFiles, now: console.now())
        return await post(console: console, logger: logger) { kind in
            switch kind {
            case .teams: FleetTeamsCard.payload(digest)
            case .slack: FleetSlackMessage.payload(digest)
            case .webhook: FleetWebhookEnvelope.payload(digest)
            }
        }
    }

    private func skipped(_ logger: Logger) -> [NotificationSender.Outcome] {
        logger.info("No notification sent: nothing to tell under --notify-when \(when.rawValue)")
        return []
    }

    /// Posts each channel's body (all at once: they are independent) and prints the one line of a
    /// channel that was not delivered.
    private func post(console: Console, logger: Logger, body: (NotificationKind) -> [UInt8]) async
        -> [NotificationSender.Outcome] {
        let id = messageID()
        let requests = channels.map { Self.request(for: $0.target, body: body($0.target.kind), messageID: id) }
        let outcomes = await withTaskGroup(of: (Int, NotificationSender.Outcome).self) { group in
            for (index, (channel, request)) in zip(channels, requests).enumerated() {
                let sender = NotificationSender(sleeper: sleeper, now: now, proxy: channel.proxy,
                                                trustedCertificates: trustedCertificates, logger: logger)
                group.addTask { (index, await sender.send(request)) }
            }
            var outcomes = [NotificationSender.Outcome?](repeating: nil, count: channels.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
        for (channel, outcome) in zip(channels, outcomes) {
            switch outcome {
            case .delivered(let status, _):
                logger.info("Sent the \(channel.target.kind.rawValue) notification (HTTP \(status))")
            case .failed(let reason, let attempts):
                console.warn("the \(channel.target.kind.rawValue) notification was not delivered: \(reason) "
                             + "(\(attempts) attempt\(attempts == 1 ? "" : "s")); the exit code is unchanged")
            }
        }
        return outcomes
    }

    /// The request for a channel: its body and, for a signed webhook, the signature headers.
    static func request(for target: NotificationTarget, body: [UInt8], messageID: String) -> NotificationSender.Request {
        var request = NotificationSender.Request(kind: target.kind, url: target.url, host: target.host, body: body)
        if let key = target.signingKey {
            request.headers = { date in
                WebhookSignature.headers(id: messageID, timestamp: Int(date.timeIntervalSince1970), body: body, key: key)
            }
        }
        return request
    }
}
