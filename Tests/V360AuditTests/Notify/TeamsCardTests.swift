import AuditRules
import Foundation
import Testing
@testable import V360Audit

/// The Teams payload: message envelope, Adaptive Card 1.5 content, size budget, tenant data kept
/// out of Markdown. (The full JSON-schema validation of the cards written here is
/// `scripts/check-notify-payloads.py`, run by `.ci/run`.)
@Suite struct TeamsCardTests {
    static func card(_ bytes: [UInt8]) throws -> [String: Any] {
        let message = try PayloadFiles.object(bytes)
        let attachments = try #require(message["attachments"] as? [[String: Any]])
        return try #require(attachments.first?["content"] as? [String: Any])
    }

    @Test func messageEnvelopeAndCardHeader() throws {
        var context = ResultFixtures.context(ResultFixtures.hostileResult(complete: true))
        context.reportURL = "https://reports.example.com/nightly/v360audit.html"
        let bytes = TeamsCard.payload(NotificationDigest(context, reportFiles: ["reports/v360audit.md"]))
        try PayloadFiles.write(bytes, as: "teams-hostile.json")
        let message = try PayloadFiles.object(bytes)
        #expect(message["type"] as? String == "message")
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect(attachment.keys.contains("contentUrl") && attachment["contentUrl"] is NSNull)
        let card = try Self.card(bytes)
        #expect(card["type"] as? String == "AdaptiveCard" && card["version"] as? String == "1.5")
        let texts = PayloadFiles.objects(ofType: "TextBlock", in: card).compactMap { $0["text"] as? String }
        #expect(texts.first == "v360audit: FAILED")
        #expect(texts.contains("FAILED: 2 open finding(s) at or above --fail-on high."))
        let facts = try #require(PayloadFiles.objects(ofType: "FactSet", in: card).first?["facts"] as? [[String: String]])
        #expect(facts.map { $0["title"]! } == ["Critical", "High", "Medium", "Low", "Info", "Waived"])
        #expect(facts.map { $0["value"]! } == ["1", "1", "0", "0", "0", "1"])
        let action = try #require((card["actions"] as? [[String: Any]])?.first)
        #expect(action["type"] as? String == "Action.OpenUrl")
        #expect(action["url"] as? String == "https://reports.example.com/nightly/v360audit.html")
    }

    /// Markdown is read in TextBlocks only; tenant data must never be in one.
    @Test func tenantDataOnlyInTextRuns() throws {
        let context = ResultFixtures.context(ResultFixtures.hostileResult(complete: true))
        let card = try Self.card(TeamsCard.payload(NotificationDigest(context, reportFiles: [])))
        for block in PayloadFiles.objects(ofType: "TextBlock", in: card) {
            let text = block["text"] as? String ?? ""
            #expect(!text.contains("[link]") && !text.contains("<script>") && !text.contains("Ab|c"), "\(text)")
        }
        let runs = PayloadFiles.objects(ofType: "TextRun", in: card).compactMap { $0["text"] as? String }
        #expect(runs.contains { $0.contains("<script>x</script>") && $0.contains("[link](http://x)") })
        // A 10,000-character name is clipped to one readable row.
        #expect(runs.allSatisfy { $0.count <= 1_000 })
    }

    @Test func aHugeResultStaysUnderTheBudgetWithAndNMore() throws {
        let result = ResultFixtures.manyFindings(400, nameLength: 5_000)
        var withBaseline = result
        withBaseline.hasBaseline = true
        for index in withBaseline.findings.indices { withBaseline.findings[index].drift = .new }
        withBaseline.changes = (0..<300).map { index in
            SnapshotChange(kind: .apiMember, fields: [EvidenceField("change", .string("added")),
                                                       EvidenceField("identifier", .string("svc-\(index)-" + String(repeating: "😀", count: 2_000))),
                                                       EvidenceField("id", .int(index)), EvidenceField("from", .null),
                                                       EvidenceField("to", .null)])
        }
        let bytes = TeamsCard.payload(NotificationDigest(ResultFixtures.context(withBaseline), reportFiles: ["reports/v360audit.md"]))
        try PayloadFiles.write(bytes, as: "teams-large.json")
        #expect(bytes.count <= TeamsCard.byteBudget)
        #expect(bytes.count > TeamsCard.byteBudget - 2_000, "the budget is used, not wasted: \(bytes.count)")
        let texts = PayloadFiles.objects(ofType: "TextBlock", in: try Self.card(bytes)).compactMap { $0["text"] as? String }
        let more = texts.filter { $0.hasPrefix("… and ") && $0.hasSuffix(" more in the report.") }
        #expect(more.count == 3, "\(texts)")
        #expect(texts.contains("New since the baseline (400)") && texts.contains("Changes in the PSA since the baseline (300)"))
    }

    @Test func sameContextSameBytes() {
        let context = ResultFixtures.context(ResultFixtures.hostileResult(complete: false))
        let digest = NotificationDigest(context, reportFiles: ["a", "b"])
        #expect(TeamsCard.payload(digest) == TeamsCard.payload(NotificationDigest(context, reportFiles: ["a", "b"])))
        let texts = PayloadFiles.objects(ofType: "TextBlock", in: (try? Self.card(TeamsCard.payload(digest))) ?? [:])
        #expect(texts.first?["text"] as? String == "v360audit: INCOMPLETE")
        #expect(texts.first?["color"] as? String == "warning")
    }
}
