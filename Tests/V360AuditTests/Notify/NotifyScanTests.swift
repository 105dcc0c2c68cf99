import Foundation
import Reports
import Testing
@testable import V360Audit

/// `scan --notify` end to end: the demo scan posts one payload per channel to a receiver on
/// loopback, and no URL or secret reaches any output.
@Suite(.serialized) struct NotifyScanTests {
    static let secret = "whsec_c2VjcmV0LWtleS1vZi10aGUtbm90aWZ5LXRlc3RzIQ=="
    /// Distinctive path parts, so a leak of any URL is found by a plain substring search.
    static let paths = ["T": "/teams/TeamsPathSecret1", "S": "/slack/SlackPathSecret2", "W": "/hook/HookPathSecret3"]

    static func environment(_ receiver: LoopbackReceiver) -> [String: String] {
        var environment = paths.mapValues { receiver.url($0) }
        environment["WS"] = secret
        return environment
    }

    /// Every place a secret must not be: stdout, stderr, each report, the snapshot.
    static func outputs(_ output: OutputCapture, directory: URL) throws -> [String: String] {
        var places = ["stdout": output.out, "stderr": output.err]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            places[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return places
    }

    /// The requests by path, each path received exactly once.
    static func onePerChannel(_ receiver: LoopbackReceiver) throws -> (teams: LoopbackReceiver.Request,
                                                                        slack: LoopbackReceiver.Request,
                                                                        webhook: LoopbackReceiver.Request) {
        let requests = receiver.requests
        #expect(requests.map(\.path).sorted() == paths.values.sorted())
        let byPath = Dictionary(requests.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return (try #require(byPath[paths["T"]!]), try #require(byPath[paths["S"]!]),
                try #require(byPath[paths["W"]!]))
    }

    /// Checks that only the webhook is signed, over exactly the bytes received, and saves the three
    /// payloads and the signature as `<prefix>-teams.json`, … for scripts/check-notify-payloads.py
    /// (the schema check and an HMAC computed by Python).
    /// - Parameter sentWithin: Unix seconds read from the clock before and after the run: the
    ///   signature's timestamp is the time of sending (not the pinned capture time), so it falls
    ///   between them however long the run takes.
    static func expectSignedAndSave(teams: LoopbackReceiver.Request, slack: LoopbackReceiver.Request,
                                    webhook: LoopbackReceiver.Request, sentWithin: ClosedRange<Int>,
                                    prefix: String) throws {
        #expect(teams.headers["webhook-signature"] == nil && slack.headers["webhook-signature"] == nil)
        let id = try #require(webhook.headers["webhook-id"])
        let timestamp = try #require(webhook.headers["webhook-timestamp"].flatMap { Int($0) })
        #expect(id.hasPrefix("msg_"))
        #expect(sentWithin.contains(timestamp), "\(timestamp) not in \(sentWithin)")
        let key = Array(Data(base64Encoded: String(secret.dropFirst("whsec_".count)))!)
        let signature = try #require(webhook.headers["webhook-signature"])
        #expect(signature == "v1," + WebhookSignature.signature(id: id, timestamp: timestamp, body: Array(webhook.body), key: key))
        try PayloadFiles.write(teams.body, as: "\(prefix)-teams.json")
        try PayloadFiles.write(slack.body, as: "\(prefix)-slack.json")
        try PayloadFiles.write(webhook.body, as: "\(prefix)-webhook.json")
        let signed = ["webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature, "secret": secret]
        try PayloadFiles.write(try JSONSerialization.data(withJSONObject: signed, options: .sortedKeys),
                               as: "\(prefix)-webhook.signed.json")
    }

    @Test func demoScanPostsOneValidPayloadPerChannelAndLeaksNothing() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 202)])
        defer { receiver.stop() }
        let directory = try TestPaths.temporaryDirectory()
        let started = Int(Date().timeIntervalSince1970)  // the signature's time falls from here…
        let (code, output) = await runCommand(["scan", "--demo", "--verbose", "--output-dir", directory.path,
                                               "--save-snapshot", directory.appendingPathComponent("snapshot.json").path,
                                               "--notify", "teams:T", "--notify", "slack:S", "--notify", "webhook:W:WS"],
                                              environment: Self.environment(receiver))
        let finished = Int(Date().timeIntervalSince1970.rounded(.up))  // …to here
        #expect(code == 1, "\(output.err)")
        let (teams, slack, webhook) = try Self.onePerChannel(receiver)
        #expect(receiver.requests.allSatisfy { $0.method == "POST" && $0.headers["content-type"]?.hasPrefix("application/json") == true })
        #expect(teams.body.count <= TeamsCard.byteBudget)
        let card = try TeamsCardTests.card(Array(teams.body))
        #expect(PayloadFiles.objects(ofType: "TextBlock", in: card).first?["text"] as? String == "v360audit: FAILED")
        let slackMessage = try PayloadFiles.object(slack.body)
        #expect((slackMessage["text"] as? String)?.hasPrefix("v360audit FAILED: ") == true)
        let envelope = try PayloadFiles.object(webhook.body)
        #expect(envelope["schemaVersion"] as? Int == 1 && envelope["generatedAt"] as? String == "2026-11-01T06:00:00Z")
        #expect((envelope["gate"] as? [String: Any])?["verdict"] as? String == "failed")
        try Self.expectSignedAndSave(teams: teams, slack: slack, webhook: webhook, sentWithin: started...finished, prefix: "e2e")
        #expect(output.err.contains("Sent the teams notification (HTTP 202)"))
        let secrets = Array(Self.environment(receiver).values) + Array(Self.paths.values) + [String(Self.secret.dropFirst(6))]
        for (place, text) in try Self.outputs(output, directory: directory) {
            for secret in secrets { #expect(!text.contains(secret), "a notification secret appears in \(place)") }
        }
    }

    @Test func aFailedPostPrintsOneLineAndKeepsTheExitCode() async throws {
        let receiver = try LoopbackReceiver.start([.init(status: 500)])
        defer { receiver.stop() }
        let directory = try TestPaths.temporaryDirectory()
        let (code, output) = await runCommand(["scan", "--demo", "--output-dir", directory.path, "--notify", "teams:T"],
                                              environment: Self.environment(receiver))
        #expect(code == 1)
        #expect(receiver.requests.count == 3)
        let lines = output.err.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(lines == ["warning: the teams notification was not delivered: HTTP 500 (3 attempts); the exit code is unchanged"])
        for (place, text) in try Self.outputs(output, directory: directory) {
            #expect(!text.contains("TeamsPathSecret1") && !text.contains(receiver.url(Self.paths["T"]!)), "\(place)")
        }
    }

    /// `--notify-when` on an offline scan of the demo snapshot: which runs post.
    @Test func notifyWhenDecidesWhichRunsPost() async throws {
        let directory = try TestPaths.temporaryDirectory()
        let snapshot = directory.appendingPathComponent("demo.json").path
        let (saved, _) = await runCommand(["scan", "--demo", "--output-dir", directory.path, "--save-snapshot", snapshot])
        #expect(saved == 1)
        let cases: [(arguments: [String], posts: Bool)] = [
            (["--notify-when", "always", "--fail-on", "never"], true),
            (["--notify-when", "failed", "--fail-on", "never"], false),
            (["--notify-when", "failed"], true),
            // Without a baseline every open finding is new.
            (["--fail-on", "never"], true),
            (["--notify-when", "changed", "--fail-on", "never", "--baseline", snapshot], false),
            (["--notify-when", "changed", "--baseline", snapshot], true),
            (["--notify-when", "always", "--fail-on", "never", "--baseline", snapshot], true),
        ]
        for (arguments, posts) in cases {
            let receiver = try LoopbackReceiver.start()
            defer { receiver.stop() }
            let (code, output) = await runCommand(["scan", "--snapshot", snapshot, "--output-dir", directory.path,
                                                   "--notify", "slack:S"] + arguments,
                                                  environment: Self.environment(receiver))
            #expect(code == 0 || code == 1, "\(arguments): \(output.err)")
            #expect(receiver.requests.count == (posts ? 1 : 0), "\(arguments)")
        }
    }
}
