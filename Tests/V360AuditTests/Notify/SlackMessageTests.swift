import AuditRules
import Foundation
import Testing
@testable import V360Audit

/// The Slack payload: `text` plus blocks within Slack's limits, tenant data escaped per scalar.
@Suite struct SlackMessageTests {
    /// Every mrkdwn/plain text of the message: `text`, and each block's text and context elements.
    static func texts(_ message: [String: Any]) -> [String] {
        var texts = [message["text"] as? String ?? ""]
        for block in message["blocks"] as? [[String: Any]] ?? [] {
            if let text = (block["text"] as? [String: Any])?["text"] as? String { texts.append(text) }
            for element in block["elements"] as? [[String: Any]] ?? [] { texts.append(element["text"] as? String ?? "") }
        }
        return texts
    }

    @Test func escapesAmpersandAndAngleBracketsPerScalar() {
        #expect(SlackText.escape("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;")
        // `<` + U+0338 is one Character ("≮" canonically) that never equals "<": a Character-wise
        // escaper would leave the `<` byte for Slack to read as a control sequence.
        let combined = "<\u{338}!channel>"
        #expect(combined.count == 10 && combined.first != "<")
        #expect(SlackText.escape(combined) == "&lt;\u{338}!channel&gt;")
        #expect(!SlackText.escape(combined).unicodeScalars.contains("<"))
        #expect(SlackText.escape("😀 plain") == "😀 plain")
    }

    @Test func aMemberNamedChannelCannotPing() throws {
        let pinger = "<!channel> <!here> <\u{338}!everyone> <https://evil.example|click>"
        let finding = Finding(ruleId: "api-member-admin-role", severity: .critical,
                              resource: ResultFixtures.member(pinger, id: 1), message: "Member \(pinger) has Admin",
                              evidence: .object([]))
        let rule = ResultFixtures.rule("api-member-admin-role", .critical)
        let result = AuditResult(rules: [RuleResult(rule: rule, cases: [RuleCase(resource: finding.resource, outcome: .failed(finding))])],
                                 findings: [finding], coverage: [], inventory: [], complete: true)
        var context = ResultFixtures.context(result, site: "psa<!channel>&co.example")
        context.reportURL = "https://reports.example.com/a?b=1&c=<2>|3"
        let bytes = SlackMessage.payload(NotificationDigest(context, reportFiles: []))
        try PayloadFiles.write(bytes, as: "slack-hostile.json")
        let texts = Self.texts(try PayloadFiles.object(bytes))
        let all = texts.joined(separator: "\n")
        // Only our own link opens with `<`, counted per scalar (String.contains compares whole
        // Characters, and would not see the `<` inside "<\u{338}").
        #expect(all.unicodeScalars.filter { $0 == "<" }.count == 1, "\(all)")
        #expect(!all.contains("<https://evil"))
        #expect(all.contains("&lt;!channel&gt;") && all.contains("psa&lt;!channel&gt;&amp;co.example"))
        // The one link is ours, with the URL made safe for Slack's <url|label> form.
        #expect(all.contains("<https://reports.example.com/a?b=1&amp;c=%3C2%3E%7C3|Open the report>"))
    }

    @Test func blocksAndSectionsStayWithinSlackLimits() throws {
        var result = ResultFixtures.manyFindings(300, nameLength: 3_000)
        result.hasBaseline = true
        for index in result.findings.indices { result.findings[index].drift = .new }
        result.changes = (0..<200).map { index in
            SnapshotChange(kind: .integratorLogin, fields: [EvidenceField("change", .string("added")),
                                                             EvidenceField("username", .string("<&>" + String(repeating: "&", count: 600))),
                                                             EvidenceField("from", .null), EvidenceField("to", .null)])
        }
        let bytes = SlackMessage.payload(NotificationDigest(ResultFixtures.context(result), reportFiles: ["reports/v360audit.md"]))
        try PayloadFiles.write(bytes, as: "slack-large.json")
        let message = try PayloadFiles.object(bytes)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.count <= 50)
        for block in blocks where block["type"] as? String == "section" {
            let text = try #require((block["text"] as? [String: Any])?["text"] as? String)
            #expect(text.utf16.count <= 3_000)
        }
        let all = Self.texts(message).joined(separator: "\n")
        #expect(all.contains("*Changes in the PSA since the baseline* (200)"))
        #expect(all.contains("… and 300 more in the report.") == false)
        #expect(all.contains(" more in the report."))
        #expect(message["text"] as? String == "v360audit FAILED: 300 open finding(s) at or above --fail-on high. "
                + "Open findings: 300 high. Site: api-na.example.net")
    }
}
