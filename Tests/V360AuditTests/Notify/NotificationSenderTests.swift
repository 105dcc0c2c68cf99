import Foundation
import Logging
import ManageReader
import Testing
@testable import V360Audit

/// The POST sender against a real HTTP receiver on loopback: retries, `Retry-After`, give-up.
@Suite struct NotificationSenderTests {
    /// A sender whose waits are recorded instead of slept.
    static func sender(_ waits: LockedBox<[Duration]>) -> NotificationSender {
        NotificationSender(sleeper: Sleeper { duration in waits.value.append(duration) },
                           logger: Logger(label: "test"))
    }

    static func request(_ receiver: LoopbackReceiver, body: String = #"{"ok":true}"#) -> NotificationSender.Request {
        NotificationSender.Request(kind: .slack, url: URL(string: receiver.url("/services/T/B/secret"))!, host: "127.0.0.1",
                                   body: Array(body.utf8))
    }

    @Test func postsTheBodyAsJSONOnce() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 200)])
        defer { receiver.stop() }
        let waits = LockedBox<[Duration]>([])
        let outcome = await Self.sender(waits).send(Self.request(receiver, body: #"{"text":"é"}"#))
        #expect(outcome == .delivered(status: 200, attempts: 1))
        let requests = receiver.requests
        #expect(requests.count == 1)
        #expect(requests.first?.method == "POST" && requests.first?.path == "/services/T/B/secret")
        #expect(requests.first?.headers["content-type"] == "application/json; charset=utf-8")
        #expect(requests.first?.text == #"{"text":"é"}"#)
        #expect(requests.first?.headers["authorization"] == nil)
        #expect(waits.value.isEmpty)
    }

    @Test func a500IsRetriedAfterABackoff() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 500), .init(status: 202)])
        defer { receiver.stop() }
        let waits = LockedBox<[Duration]>([])
        let outcome = await Self.sender(waits).send(Self.request(receiver))
        #expect(outcome == .delivered(status: 202, attempts: 2))
        #expect(receiver.requests.count == 2)
        #expect(receiver.requests.map(\.text) == [#"{"ok":true}"#, #"{"ok":true}"#])
        #expect(waits.value == [.seconds(1)])
    }

    @Test func a429WaitsRetryAfterCapped() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 429, headers: [("Retry-After", "7")]),
                                                   .init(status: 429, headers: [("Retry-After", "3600")]),
                                                   .init(status: 200)])
        defer { receiver.stop() }
        let waits = LockedBox<[Duration]>([])
        let outcome = await Self.sender(waits).send(Self.request(receiver))
        #expect(outcome == .delivered(status: 200, attempts: 3))
        #expect(waits.value == [.seconds(7), .seconds(30)])
    }

    @Test func givesUpAfterThreeAttempts() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 503)])
        defer { receiver.stop() }
        let waits = LockedBox<[Duration]>([])
        let outcome = await Self.sender(waits).send(Self.request(receiver))
        #expect(outcome == .failed(reason: "HTTP 503", attempts: 3))
        #expect(receiver.requests.count == 3)
        #expect(waits.value == [.seconds(1), .seconds(2)])
    }

    @Test func aClientErrorIsNotRetried() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 400), .init(status: 200)])
        defer { receiver.stop() }
        let waits = LockedBox<[Duration]>([])
        #expect(await Self.sender(waits).send(Self.request(receiver)) == .failed(reason: "HTTP 400", attempts: 1))
        #expect(receiver.requests.count == 1)
    }

    @Test func aRefusedConnectionIsRetriedThenReportedInWords() async throws {
        let receiver = try LoopbackReceiver.start()
        let request = Self.request(receiver)
        receiver.stop()
        let waits = LockedBox<[Duration]>([])
        #expect(await Self.sender(waits).send(request) == .failed(reason: "connection refused", attempts: 3))
        #expect(waits.value.count == 2)
    }

    @Test func retryAfterAcceptsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_793_512_800)  // Sun, 01 Nov 2026 06:00:00 GMT
        #expect(NotificationSender.retryAfter("12", now: now) == .seconds(12))
        #expect(NotificationSender.retryAfter("Sun, 01 Nov 2026 06:00:20 GMT", now: now) == .seconds(20))
        #expect(NotificationSender.retryAfter("soon", now: now) == nil)
    }
}
