import AuditRules
import Foundation
import Reports
import Testing
@testable import V360Audit

/// The webhook envelope and its Standard Webhooks signature.
@Suite struct WebhookEnvelopeTests {
    /// The Standard Webhooks specification's published test vector: an HMAC computed by other
    /// implementations, so matching it checks this one independently.
    @Test func signatureMatchesTheStandardWebhooksTestVector() throws {
        let target = try NotificationTarget.resolve(NotifySpec(kind: .webhook, variable: "W", secretVariable: "WS"),
                                                    environment: ["W": "https://example.com/hook",
                                                                  "WS": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        let headers = WebhookSignature.headers(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
                                               body: Array(#"{"test": 2432232314}"#.utf8), key: try #require(target.signingKey))
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers.map(\.value) == ["msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                                         "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="])
        // Any change to the body changes the signature.
        let other = WebhookSignature.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
                                               body: Array(#"{"test": 2432232315}"#.utf8), key: target.signingKey!)
        #expect("v1," + other != headers[2].value)
    }

    @Test func envelopeFieldsInOrderWithCapturedAtAsGeneratedAt() throws {
        var result = ResultFixtures.hostileResult(complete: true)
        result.hasBaseline = true
        result.findings[0].drift = .new
        result.findings[1].drift = .unchanged
        result.changes = [SnapshotChange(kind: .apiMember, fields: [EvidenceField("change", .string("roleChanged")),
                                                                     EvidenceField("identifier", .string("svc")),
                                                                     EvidenceField("id", .int(4)),
                                                                     EvidenceField("from", .string("Backup")),
                                                                     EvidenceField("to", .string("Admin"))])]
        let bytes = WebhookEnvelope.payload(NotificationDigest(ResultFixtures.context(result), reportFiles: ["x"]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"schemaVersion":1,"source":"v360audit","kind":"scan","generatedAt":"2026-11-01T06:00:00Z","site":"api-na.example.net","gate":{"verdict":"failed","passed":false,"complete":true,"failOn":"high","failOnNew":false,"failing":2},"summary":{"bySeverity":{"critical":1,"high":1,"medium":0,"low":0,"info":0},"open":2,"waived":1,"resolved":0},"drift":{"newFindings":1,"resolvedFindings":0,"changeCount":1,"new":[{"ruleId":"api-member-admin-role""#), "\(text.prefix(600))")
        #expect(text.contains(#""changes":[{"kind":"apiMember","change":"roleChanged","identifier":"svc","id":4,"from":"Backup","to":"Admin"}],"truncated":false}"#))
        #expect(text.hasSuffix(#""reportUrl":null}"#))
        let object = try PayloadFiles.object(bytes)
        let top = try #require(object["top"] as? [[String: Any]])
        #expect(top.map { $0["severity"] as? String } == ["critical", "high"])
        #expect(top[0]["fingerprint"] as? String == result.findings[0].fingerprint)
    }

    @Test func noBaselineMeansNullDrift() throws {
        var context = ResultFixtures.context(ResultFixtures.manyFindings(12))
        context.reportURL = "https://r.example/x"
        let object = try PayloadFiles.object(WebhookEnvelope.payload(NotificationDigest(context, reportFiles: [])))
        #expect(object["drift"] is NSNull)
        #expect((object["top"] as? [Any])?.count == 10)
        #expect(object["reportUrl"] as? String == "https://r.example/x")
    }
}
