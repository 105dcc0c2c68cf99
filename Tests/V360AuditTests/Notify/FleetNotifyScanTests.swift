import Foundation
import ManageReader
import ManageSimulator
import Reports
import Testing
@testable import V360Audit

/// `scan --tenants --notify` end to end: a fleet of simulators (or snapshots) and a receiver on
/// loopback; one fleet summary per channel after every report, and no URL or secret anywhere.
@Suite(.serialized) struct FleetNotifyScanTests {
    static let notify = ["--notify", "teams:T", "--notify", "slack:S", "--notify", "webhook:W:WS"]

    /// The receiver's URLs and the signing secret, plus `extra` (the tenants' key variables).
    static func environment(_ receiver: LoopbackReceiver, _ extra: [String: String] = [:]) -> [String: String] {
        NotifyScanTests.environment(receiver).merging(extra) { first, _ in first }
    }

    /// Every URL, path and secret of the notifications.
    static func secrets(_ receiver: LoopbackReceiver) -> [String] {
        Array(NotifyScanTests.environment(receiver).values) + Array(NotifyScanTests.paths.values)
            + [String(NotifyScanTests.secret.dropFirst("whsec_".count))]
    }

    /// `directory/tenants.yml` listing the offline tenants `one` and `two` (``OfflineFleetTests``).
    static func offlineTenants(in directory: URL) throws -> URL {
        let tenants = directory.appendingPathComponent("tenants.yml")
        try Data(OfflineFleetTests.tenantsYAML.utf8).write(to: tenants)
        return tenants
    }

    @Test func aLiveFleetPostsOneFleetSummaryPerChannelAfterItsReports() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baselines = directory.appendingPathComponent("baselines")
        // bravo is the demo tenant one night later: last night's demo snapshot is its baseline.
        try FileManager.default.createDirectory(at: baselines, withIntermediateDirectories: true)
        let (saved, _) = await runPinned(["scan", "--demo", "--output-dir", directory.appendingPathComponent("demo").path,
                                          "--save-snapshot", baselines.appendingPathComponent("bravo.json").path])
        #expect(saved == 1)
        let bed = try await FleetTestBed.start([
            .init(name: "alpha", keyInFile: true, register: DemoTenant.registerYAML),
            .init(name: "bravo", fixture: DemoTenant.nextNight),
            .init(name: "charlie", faults: FaultPlan(pathFaults: [.status(500, on: "/system/members")])),
        ], in: directory)
        let receiver = try LoopbackReceiver.start([.init(status: 202)])
        defer { receiver.stop() }
        let out = directory.appendingPathComponent("out")
        let started = Int(Date().timeIntervalSince1970)  // the signature's time falls from here…
        let (code, output) = await runPinned(["scan", "--tenants", bed.tenantsFile.path, "--output-dir", out.path,
                                              "--baseline-dir", baselines.path] + Self.notify,
                                             environment: Self.environment(receiver, bed.environment))
        let finished = Int(Date().timeIntervalSince1970.rounded(.up))  // …to here
        await bed.shutdown()
        #expect(code == 2, "\(output.err)")
        let (teams, slack, webhook) = try NotifyScanTests.onePerChannel(receiver)

        // Teams: the fleet's verdict, counts, tenants worst first, the fleet HTML report's path.
        #expect(teams.body.count <= TeamsCard.byteBudget)
        let card = try TeamsCardTests.card(Array(teams.body))
        let texts = PayloadFiles.objects(ofType: "TextBlock", in: card).compactMap { $0["text"] as? String }
        #expect(texts.first == "v360audit fleet: INCOMPLETE")
        #expect(texts.contains { $0.hasPrefix("INCOMPLETE: at least one tenant could not be read completely") && $0.contains(
            "3 tenant(s): 2 complete, 1 not complete (2 failed the gate, 1 incomplete)") })
        let facts = try #require(PayloadFiles.objects(ofType: "FactSet", in: card).first?["facts"] as? [[String: String]])
        #expect(facts.prefix(3).map { $0["value"]! } == ["3", "2", "1"])
        let rows = PayloadFiles.objects(ofType: "RichTextBlock", in: card).map { block in
            (block["inlines"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined()
        }
        let tenantRows = rows.filter { $0.contains(" (exit ") }
        #expect(tenantRows.map { String($0.prefix { $0 != " " }) } == ["charlie", "alpha", "bravo"], "\(tenantRows)")
        #expect(tenantRows[0].contains("INCOMPLETE (exit 2)") && tenantRows[0].contains("not complete: "))
        #expect(tenantRows[2].contains("since its baseline: ") && tenantRows[2].contains(" change(s) in the PSA"))
        #expect(tenantRows[1].contains("no baseline"))
        #expect(rows.contains { $0.hasPrefix("CRITICAL ") && $0.contains(": api-member-admin-role on member ") })
        #expect(rows.last == "Reports: " + out.appendingPathComponent("v360audit-fleet.html").path)

        // Slack and the webhook say the same.
        let slackMessage = try PayloadFiles.object(slack.body)
        #expect((slackMessage["text"] as? String)?.hasPrefix("v360audit fleet INCOMPLETE: ") == true)
        let slackText = SlackMessageTests.texts(slackMessage).joined(separator: "\n")
        #expect(slackText.contains("*Tenants, worst first* (3)\n• charlie (http://127.0.0.1:"))
        let envelope = try PayloadFiles.object(webhook.body)
        #expect(envelope["kind"] as? String == "fleet" && envelope["schemaVersion"] as? Int == 1)
        #expect(envelope["exitCode"] as? Int == 2 && envelope["verdict"] as? String == "incomplete")
        #expect(envelope["generatedAt"] as? String == "2026-11-01T06:00:00Z")
        let fleet = try #require(envelope["fleet"] as? [String: Any])
        #expect(fleet["tenants"] as? Int == 3 && fleet["complete"] as? Int == 2 && fleet["failed"] as? Int == 1)
        let tenants = try #require(envelope["tenants"] as? [[String: Any]])
        #expect(tenants.map { $0["name"] as? String } == ["charlie", "alpha", "bravo"])
        #expect(tenants[2]["report"] as? String == "bravo/v360audit.json" && tenants[2]["drift"] is [String: Any])
        #expect(tenants[1]["drift"] is NSNull && tenants[0]["complete"] as? Bool == false)
        let top = try #require(envelope["top"] as? [[String: Any]])
        #expect(!top.isEmpty && top.count <= 10 && top.allSatisfy { $0["tenant"] is String && $0["fingerprint"] is String })

        // Signed like a single scan's webhook, over exactly the bytes received.
        try NotifyScanTests.expectSignedAndSave(teams: teams, slack: slack, webhook: webhook, sentWithin: started...finished,
                                                prefix: "e2e-fleet")

        // Sent after every tenant finished, once per channel.
        let lines = output.err.split(separator: "\n").map(String.init)
        let lastProgress = try #require(lines.lastIndex {
            $0.range(of: #"^[a-z0-9-]+: [A-Z ]+ \(exit [0-9]+\) in [0-9.]+ s"#, options: .regularExpression) != nil
        })
        let sent = lines.indices.filter { lines[$0].contains("Sent the ") && lines[$0].contains(" notification (HTTP 202)") }
        #expect(sent.count == 3 && sent.allSatisfy { $0 > lastProgress }, "\(output.err)")
        // No URL, path or secret in stdout, stderr, or any tenant's or fleet report.
        let written = try filesUnder(out).mapValues { String(decoding: $0, as: UTF8.self) }
        for secret in Self.secrets(receiver) + bed.secrets {
            #expect(!output.out.contains(secret) && !output.err.contains(secret), "\(secret) on the console")
            for (path, text) in written { #expect(!text.contains(secret), "\(secret) in \(path)") }
        }
    }

    /// An offline fleet of two tenants (`one`, `two`) with `--notify slack:S`: whether it posts.
    static func posts(_ snapshots: Pair, baselines: Pair?, _ arguments: [String]) async throws -> Bool {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenants = try Self.offlineTenants(in: directory)
        var fleetArguments = ["scan", "--tenants", tenants.path, "--output-dir", directory.appendingPathComponent("out").path,
                              "--snapshot-dir", try snapshots.one.write(snapshots.two, in: directory, "snapshots")]
        if let baselines {
            fleetArguments += ["--baseline-dir", try baselines.one.write(baselines.two, in: directory, "baselines")]
        }
        let receiver = try LoopbackReceiver.start()
        defer { receiver.stop() }
        let (code, output) = await runCommand(fleetArguments + ["--notify", "slack:S"] + arguments,
                                              environment: NotifyScanTests.environment(receiver))
        #expect([0, 1, 2].contains(code), "\(output.err)")
        #expect(receiver.requests.count <= 1)
        return receiver.requests.count == 1
    }

    /// The snapshots of `one` and `two`.
    typealias Pair = (one: TenantSnapshotKind, two: TenantSnapshotKind)

    /// Which snapshot a tenant gets.
    enum TenantSnapshotKind {
        case clean, admin, gap

        /// Writes `one.json` (this kind) and `two.json` (`two`) into `directory/folder`.
        func write(_ two: TenantSnapshotKind, in directory: URL, _ folder: String) throws -> String {
            let url = directory.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            _ = try SnapshotFixtures.write(snapshot, in: url, name: "one.json")
            _ = try SnapshotFixtures.write(two.snapshot, in: url, name: "two.json")
            return url.path
        }

        var snapshot: TenantSnapshot {
            switch self {
            case .clean: SnapshotFixtures.snapshot()
            case .admin: SnapshotFixtures.snapshot(adminAPIMember: true)
            case .gap: SnapshotFixtures.snapshot(gap: true)
            }
        }
    }

    @Test func notifyWhenDecidesWhetherTheFleetPosts() async throws {
        let quiet: Pair = (.admin, .clean)
        // Nothing failed, nothing new: only `always` posts.
        #expect(try await !Self.posts(quiet, baselines: quiet, ["--fail-on", "never"]))
        #expect(try await !Self.posts(quiet, baselines: quiet, ["--fail-on", "never", "--notify-when", "failed"]))
        #expect(try await Self.posts(quiet, baselines: quiet, ["--fail-on", "never", "--notify-when", "always"]))
        // One tenant's gate failed: `changed` (the default) and `failed` post.
        #expect(try await Self.posts(quiet, baselines: quiet, []))
        #expect(try await Self.posts(quiet, baselines: quiet, ["--notify-when", "failed"]))
        // A finding new since one tenant's baseline: `changed` posts, `failed` does not.
        #expect(try await Self.posts(quiet, baselines: (.clean, .clean), ["--fail-on", "never"]))
        #expect(try await !Self.posts(quiet, baselines: (.clean, .clean), ["--fail-on", "never", "--notify-when", "failed"]))
        // Without baselines every open finding is new (as for one scan); a clean fleet stays quiet.
        #expect(try await Self.posts(quiet, baselines: nil, ["--fail-on", "never"]))
        #expect(try await !Self.posts((.clean, .clean), baselines: nil, ["--fail-on", "never"]))
        // One tenant incomplete: `failed` posts.
        #expect(try await Self.posts((.clean, .gap), baselines: nil, ["--fail-on", "never", "--notify-when", "failed"]))
    }

    @Test func aFailedFleetPostPrintsOneLineAndKeepsTheExitCode() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenants = try Self.offlineTenants(in: directory)
        let snapshots = try TenantSnapshotKind.admin.write(.clean, in: directory, "snapshots")
        let receiver = try LoopbackReceiver.start([.init(status: 503)])
        defer { receiver.stop() }
        let out = directory.appendingPathComponent("out")
        let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", snapshots,
                                               "--output-dir", out.path, "--notify", "webhook:W:WS"],
                                              environment: NotifyScanTests.environment(receiver))
        #expect(code == 1, "\(output.err)")
        #expect(receiver.requests.count == 3)
        // The retries carry the same message id (receivers drop duplicates by it).
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }).count == 1)
        let warnings = output.err.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings == ["warning: the webhook notification was not delivered: HTTP 503 (3 attempts); the exit code is unchanged"])
        let written = try filesUnder(out).values.map { String(decoding: $0, as: UTF8.self) }
        for secret in Self.secrets(receiver) {
            #expect(!(output.out + output.err).contains(secret) && !written.contains { $0.contains(secret) })
        }
    }

    /// A tenants file whose site is hostile (offline, nothing checks it) and a snapshot full of
    /// hostile member names: each channel gets them escaped for its context.
    @Test func hostileTenantDataIsEscapedInEachChannel() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = directory.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent("Tests/V360AuditTests/Fixtures/hostile-tenant.json"),
                                         to: snapshots.appendingPathComponent("evil.json"))
        let site = FleetPayloadTests.hostile
        let tenants = directory.appendingPathComponent("tenants.yml")
        try Data("""
            tenants:
              - name: evil
                site: "<!channel> </script> \\"\\u0301 & <@U123>"
                companyId: evil
                publicKey: EvilPublicKey1
                privateKeyEnv: EVIL_KEY_NOT_SET
                clientId: 0f1e2d3c-1111-2222-3333-444455556666

            """.utf8).write(to: tenants)
        let receiver = try LoopbackReceiver.start()
        defer { receiver.stop() }
        let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", snapshots.path,
                                               "--output-dir", directory.appendingPathComponent("out").path] + Self.notify,
                                              environment: NotifyScanTests.environment(receiver))
        #expect(code == 1, "\(output.err)")
        let (teams, slack, webhook) = try NotifyScanTests.onePerChannel(receiver)
        try PayloadFiles.write(teams.body, as: "e2e-fleet-hostile-teams.json")
        try PayloadFiles.write(slack.body, as: "e2e-fleet-hostile-slack.json")
        try FleetPayloadTests.expectEscaped(teams: Array(teams.body), slack: Array(slack.body), hostile: [site])
        let envelope = try PayloadFiles.object(webhook.body)
        #expect((envelope["tenants"] as? [[String: Any]])?.first?["site"] as? String == site)
    }
}
