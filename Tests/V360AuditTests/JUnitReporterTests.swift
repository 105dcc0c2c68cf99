import AuditRules
import Foundation
@testable import Reports
import Testing
@testable import V360Audit

@Suite struct JUnitReporterTests {
    static let contexts: [(String, ReportContext)] = [
        ("hostile", ResultFixtures.context(ResultFixtures.hostileResult())),
        ("many", ResultFixtures.context(ResultFixtures.manyFindings(50))),
        ("empty", ResultFixtures.context(AuditResult(rules: [], findings: [], coverage: [], inventory: [], complete: true))),
        ("hostile site", ResultFixtures.context(ResultFixtures.hostileResult(), site: "")),
    ]

    @Test(arguments: 0..<contexts.count, TestPaths.schemas)
    func validAgainstBothSchemas(index: Int, schema: URL) {
        let xml = JUnitReporter().render(Self.contexts[index].1)
        #expect(XSDValidator.isValid(xml, schema: schema), "\(Self.contexts[index].0) against \(schema.lastPathComponent)")
    }

    @Test func invalidCharactersAreDroppedAndMarkupEscaped() {
        let xml = JUnitReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        for forbidden in ["\u{0}", "\u{7}", "\u{1B}", "\u{FFFE}", "\u{FFFF}", "<script>", "<b>"] {
            #expect(!xml.contains(forbidden), "found \(forbidden.debugDescription)")
        }
        #expect(xml.contains("&lt;script&gt;"))
        #expect(xml.contains("😀👩‍💻"))
    }

    @Test func countsAndOutcomesPerSuite() throws {
        let xml = JUnitReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"))
        #expect(xml.contains("name=\"api-member-admin-role\" package=\"v360audit.api-members\" id=\"0\" timestamp=\"2026-11-01T06:00:00\" hostname=\"api-na.example.net\" tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"0\" time=\"0.000\""))
        #expect(xml.contains("name=\"stale-api-key\" package=\"v360audit.api-keys\" id=\"2\" timestamp=\"2026-11-01T06:00:00\" hostname=\"api-na.example.net\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"2\""))
        // A rule with nothing in scope still reports one passing case, never "0 tests".
        #expect(xml.contains("<testcase name=\"integrator-login-all-access: no resources in scope\" classname=\"v360audit.integrator-login-all-access\" time=\"0.000\"/>"))
        #expect(xml.contains("<failure type=\"CRITICAL\" message=\"Member ev|il &lt;b&gt;"))
        #expect(xml.contains("<error type=\"read-error\" message=\"could not read GET /system/securityRoles/3/settings (HTTP 403)"))
        #expect(xml.contains("<skipped message=\"waived until 2027-01-01: ev|il"))
        #expect(xml.contains("(waiver W-ev|il"))
        #expect(xml.contains("<skipped message=\"not evaluated: the key has no created date"))
        #expect(xml.contains("remediation:\n  1. Fix it."))
        #expect(!xml.contains("<testsuites "))
    }

    @Test func messagesAreOneLineAndNamesUnique() {
        let result = ResultFixtures.hostileResult()
        for rule in result.rules {
            let cases = JUnitCase.cases(for: rule)
            let names = cases.map { XMLText.attribute($0.classname) + "/" + XMLText.attribute($0.name) }
            #expect(Set(names).count == names.count, "duplicate test names in \(rule.rule.id)")
            for testCase in cases {
                #expect(!testCase.message.contains("\n") && !testCase.name.contains("\n"))
            }
        }
    }

    @Test func timestampIsUTCWithoutZone() {
        #expect(JUnitReporter.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00")
        #expect(JUnitReporter.timestamp(ResultFixtures.capturedAt.addingTimeInterval(0.75)) == "2026-11-01T06:00:00")
    }

    @Test func xmlTextDropsOnlyForbiddenCharacters() {
        #expect(XMLText.text("a\u{1}b\tc\nd\u{FFFD}e\u{10000}") == "ab\tc\nd\u{FFFD}e\u{10000}")
        #expect(XMLText.attribute("a\"b\n<&>") == "a&quot;b&#10;&lt;&amp;&gt;")
    }
}
