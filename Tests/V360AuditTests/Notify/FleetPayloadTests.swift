import AuditRules
import Foundation
import Reports
import Testing
@testable import V360Audit

/// The fleet notification payloads as pure functions of a fleet summary: content, escaping, size
/// limits, the webhook's shape. (The Teams cards written here are also validated against the
/// Adaptive Card 1.5 schema by `scripts/check-notify-payloads.py` in `.ci/run`.)
@Suite struct FleetPayloadTests {
    /// A tenant datum that is a Slack ping, closes a script, and hides a quote in a combining mark.
    static let hostile = "<!channel> </script> \"\u{301} & <@U123>"

    /// Five tenants, one of each outcome; `ok-drift` has a baseline.
    static func summary() -> FleetSummary {
        var drifted = FleetReportTests.tenant("ok-drift", exit: 1, critical: 2, high: 1)
        drifted.drift = FleetTenant.Drift(new: 2, resolved: 1, changes: 3)
        return FleetSummary(tenants: [
            FleetReportTests.tenant("clean", exit: 0), drifted, FleetReportTests.tenant("gate", exit: 1, critical: 1),
            FleetReportTests.tenant("unread", exit: 2, error: "members: HTTP 500 (3 attempts)"),
            FleetReportTests.tenant("invalid", exit: 64, error: "register.yml:3: unknown key"),
        ])
    }

    static func digest(_ summary: FleetSummary, url: String? = nil) -> FleetDigest {
        FleetDigest(summary, reportURL: url, reportFiles: ["reports/v360audit-fleet.md", "reports/v360audit-fleet.html"],
                    now: Date(timeIntervalSince1970: 0))
    }

    /// The texts of every `RichTextBlock`, each block's runs joined.
    static func rows(_ card: [String: Any]) -> [String] {
        PayloadFiles.objects(ofType: "RichTextBlock", in: card).map { block in
            (block["inlines"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined()
        }
    }

    @Test func theTeamsCardHasTheFleetVerdictCountsAndTenantsWorstFirst() throws {
        let bytes = FleetTeamsCard.payload(Self.digest(Self.summary(), url: "https://reports.example.com/fleet.html"))
        try PayloadFiles.write(bytes, as: "fleet-teams.json")
        let card = try TeamsCardTests.card(bytes)
        #expect(card["version"] as? String == "1.5")
        let texts = PayloadFiles.objects(ofType: "TextBlock", in: card)
        #expect(texts.first?["text"] as? String == "v360audit fleet: INVALID INPUT" && texts.first?["color"] as? String == "warning")
        let counts = "5 tenant(s): 3 complete, 2 not complete (1 passed, 2 failed the gate, 1 incomplete, 1 invalid input)"
        #expect(texts.contains { ($0["text"] as? String)?.contains(counts) == true })
        let facts = try #require(PayloadFiles.objects(ofType: "FactSet", in: card).first?["facts"] as? [[String: String]])
        #expect(facts.map { $0["title"]! } == ["Tenants", "Complete", "Not complete", "Open critical", "Open high", "Open medium",
                                               "Open low", "Open info", "New since their baselines", "Changes in the PSAs"])
        #expect(facts.map { $0["value"]! } == ["5", "3", "2", "3", "1", "0", "0", "0", "2", "3"])
        let rows = Self.rows(card)
        #expect(rows.prefix(5).map { String($0.prefix { $0 != " " }) } == ["invalid", "unread", "ok-drift", "gate", "clean"])
        #expect(rows[0] == "invalid (psa.example.com): INVALID INPUT (exit 64) · not complete: register.yml:3: unknown key")
        let drifted = "ok-drift (psa.example.com): FAILED (exit 1) · open: 2 critical, 1 high · since its baseline: 2 new, "
            + "1 resolved, 3 change(s) in the PSA · complete"
        #expect(rows[2] == drifted)
        #expect(rows[4].hasSuffix("· open: none · no baseline · complete"))
        #expect(rows[5] == "CRITICAL gate: api-member-admin-role on member bot0 (id 0)")
        let action = try #require((card["actions"] as? [[String: Any]])?.first)
        #expect(action["url"] as? String == "https://reports.example.com/fleet.html")
        // Without a URL: the fleet HTML report's path (not every fleet report's).
        let local = try TeamsCardTests.card(FleetTeamsCard.payload(Self.digest(Self.summary())))
        #expect(Self.rows(local).last == "Reports: reports/v360audit-fleet.html" && local["actions"] == nil)
    }

    @Test func theSlackMessageSaysTheSame() throws {
        let bytes = FleetSlackMessage.payload(Self.digest(Self.summary()))
        let message = try PayloadFiles.object(bytes)
        let fallback = "v360audit fleet INVALID INPUT: at least one tenant's inputs or credentials are invalid, so it was not "
            + "scanned (exit 64). 5 tenant(s): 3 complete, 2 not complete (1 passed, 2 failed the gate, 1 incomplete, 1 invalid "
            + "input). Open findings: 3 critical, 1 high."
        #expect(message["text"] as? String == fallback)
        let texts = SlackMessageTests.texts(message)
        let tenantList = "*Tenants, worst first* (5)\n• invalid (psa.example.com): INVALID INPUT (exit 64) · not complete: "
            + "register.yml:3: unknown key\n• unread (psa.example.com): INCOMPLETE (exit 2) · not complete: "
            + "members: HTTP 500 (3 attempts)\n• ok-drift (psa.example.com): FAILED (exit 1) · open: 2 critical, "
            + "1 high · since its baseline: 2 new, 1 resolved, 3 change(s) in the PSA · complete\n• gate "
            + "(psa.example.com): FAILED (exit 1) · open: 1 critical · no baseline · complete\n• clean "
            + "(psa.example.com): PASSED (exit 0) · open: none · no baseline · complete"
        #expect(texts.contains(tenantList))
        #expect(texts.contains { $0.hasPrefix("*Worst findings across tenants* (3)\n• CRITICAL gate: api-member-admin-role") })
        #expect(texts.contains { $0.contains("*Since their baselines:* 2 new finding(s), 3 change(s) in the PSAs") })
        #expect(texts.last == "Reports: reports/v360audit-fleet.html")
    }

    @Test func theWebhookEnvelopeListsEveryTenantInAFixedShape() throws {
        let summary = Self.summary()
        let bytes = FleetWebhookEnvelope.payload(Self.digest(summary, url: "https://r.example/fleet"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"schemaVersion":1,"source":"v360audit","kind":"fleet","generatedAt":"2026-11-01T06:00:00Z","exitCode":64,"verdict":"invalid","fleet":{"tenants":5,"complete":3,"failed":2,"bySeverity":{"critical":3,"high":1,"medium":0,"low":0,"info":0},"newFindings":2,"changes":3},"tenants":[{"name":"invalid","site":"psa.example.com","exitCode":64,"verdict":"invalid","complete":false,"gate":null,"summary":null,"drift":null,"report":null,"error":"register.yml:3: unknown key"},"#),
                "\(text.prefix(700))")
        #expect(text.contains(#"{"name":"ok-drift","site":"psa.example.com","exitCode":1,"verdict":"failed","complete":true,"gate":{"failOn":"high","failOnNew":false,"passed":false,"failing":3},"summary":{"bySeverity":{"critical":2,"high":1,"medium":0,"low":0,"info":0},"open":3,"waived":0,"resolved":0},"drift":{"new":2,"resolved":1,"changes":3},"report":"ok-drift/v360audit.json","error":null}"#))
        #expect(text.contains(#""top":[{"tenant":"gate","ruleId":"api-member-admin-role","severity":"critical","status":"open","drift":null,"resource":{"kind":"member","id":0,"identifier":"bot0","name":null},"message":"bot0 is Admin","fingerprint":""#))
        #expect(text.hasSuffix(#""reportUrl":"https://r.example/fleet"}"#))
        let object = try PayloadFiles.object(bytes)
        #expect((object["tenants"] as? [Any])?.count == 5 && (object["top"] as? [Any])?.count == 3)
        // The same summary gives the same bytes; without any baseline the fleet's drift counts are null.
        #expect(FleetWebhookEnvelope.payload(Self.digest(summary, url: "https://r.example/fleet")) == bytes)
        let plain = try PayloadFiles.object(FleetWebhookEnvelope.payload(Self.digest(FleetSummary(tenants: [
            FleetReportTests.tenant("a", exit: 0)]))))
        let fleet = try #require(plain["fleet"] as? [String: Any])
        #expect(fleet["newFindings"] is NSNull && fleet["changes"] is NSNull && plain["reportUrl"] is NSNull)
    }

    /// Checks a fleet's Teams and Slack payloads hold `hostile` texts only where they are inert:
    /// Teams in text runs (never Markdown), Slack with every `<` escaped (counted per scalar).
    static func expectEscaped(teams: [UInt8], slack: [UInt8], hostile: [String]) throws {
        let card = try TeamsCardTests.card(teams)
        for block in PayloadFiles.objects(ofType: "TextBlock", in: card) {
            let text = block["text"] as? String ?? ""
            #expect(!text.unicodeScalars.contains("<") && !text.contains("channel"), "\(text)")
        }
        let runs = Self.rows(card).joined(separator: "\n")
        for name in hostile { #expect(runs.contains(name), "\(name.debugDescription) is not in a text run") }
        let texts = SlackMessageTests.texts(try PayloadFiles.object(slack)).joined(separator: "\n")
        #expect(!texts.unicodeScalars.contains("<"), "\(texts)")
        let escaped = "&lt;!channel&gt; &lt;/script&gt; \"\u{301} &amp; &lt;@U123&gt;"
        #expect(texts.contains(escaped))
    }

    @Test func hostileTenantDataIsEscapedForEachChannel() throws {
        var evil = FleetReportTests.tenant(Self.hostile, exit: 2, site: Self.hostile, error: "could not read " + Self.hostile)
        evil.findings = [FleetFinding(tenant: Self.hostile, Finding(
            ruleId: "api-member-admin-role", severity: .critical, resource: ResourceRef(kind: .member, id: 1, identifier: Self.hostile),
            message: Self.hostile, evidence: .object([])))]
        let digest = Self.digest(FleetSummary(tenants: [evil]))
        let teams = FleetTeamsCard.payload(digest)
        let slack = FleetSlackMessage.payload(digest)
        try PayloadFiles.write(teams, as: "fleet-teams-hostile.json")
        try PayloadFiles.write(slack, as: "fleet-slack-hostile.json")
        try Self.expectEscaped(teams: teams, slack: slack, hostile: [Self.hostile, "on member " + Self.hostile])
        // The webhook is JSON for machines: the value comes back exactly, quote and combining mark included.
        let envelope = try PayloadFiles.object(FleetWebhookEnvelope.payload(digest))
        let tenant = try #require((envelope["tenants"] as? [[String: Any]])?.first)
        #expect(tenant["name"] as? String == Self.hostile && tenant["site"] as? String == Self.hostile)
        #expect((envelope["top"] as? [[String: Any]])?.first?["tenant"] as? String == Self.hostile)
    }

    @Test func manyTenantsStayWithinTheSizeLimits() throws {
        let tenants = (0..<300).map { index in
            var tenant = FleetReportTests.tenant("tenant-\(index)", exit: index % 3 == 0 ? 2 : 1, critical: 3,
                                                 site: String(repeating: "😀", count: 400) + ".example",
                                                 error: index % 3 == 0 ? String(repeating: "<&> 500 ", count: 1_000) : nil)
            tenant.drift = FleetTenant.Drift(new: 1, resolved: 0, changes: 2)
            return tenant
        }
        let digest = Self.digest(FleetSummary(tenants: tenants))
        let teams = FleetTeamsCard.payload(digest)
        try PayloadFiles.write(teams, as: "fleet-teams-large.json")
        #expect(teams.count <= TeamsCard.byteBudget && teams.count > TeamsCard.byteBudget - 2_000, "\(teams.count)")
        let card = try TeamsCardTests.card(teams)
        let more = PayloadFiles.objects(ofType: "TextBlock", in: card).compactMap { $0["text"] as? String }
            .filter { $0.hasPrefix("… and ") }
        #expect(more.count == 1 && more[0].hasSuffix(" more tenants in the fleet report."), "\(more)")
        #expect(Self.rows(card).filter { $0.hasPrefix("CRITICAL ") }.count == FleetDigest.topCount)

        let slack = FleetSlackMessage.payload(digest)
        try PayloadFiles.write(slack, as: "fleet-slack-large.json")
        let message = try PayloadFiles.object(slack)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.count <= SlackBlocks.blockLimit)
        for block in blocks where block["type"] as? String == "section" {
            #expect(try #require((block["text"] as? [String: Any])?["text"] as? String).utf16.count <= SlackBlocks.sectionLimit)
        }
        let all = SlackMessageTests.texts(message).joined(separator: "\n")
        #expect(all.contains("*Tenants, worst first* (300)") && all.contains(" more tenants in the fleet report."))
        // The webhook has no chat limit: every tenant is there for the machine that reads it.
        let envelope = try PayloadFiles.object(FleetWebhookEnvelope.payload(digest))
        #expect((envelope["tenants"] as? [Any])?.count == 300)
    }
}
