import AuditRules
import Foundation
@testable import Reports
import Testing

@Suite struct MailReporterTests {
    static let elements: Set = ["html", "head", "meta", "title", "body", "table", "tbody", "tr", "td", "th", "div", "p",
                                "h2", "span", "code", "a"]
    static let attributes: Set = ["lang", "charset", "name", "content", "style", "role", "href"]

    @Test func hostileNamesRenderAsTextWithTablesAndInlineStylesOnly() throws {
        let mail = MailReporter().render(HTMLFixtures.hostileContext())
        try HTMLReporterTests.expectInert(mail, elements: Self.elements, attributes: Self.attributes)
        for tag in ["<style", "<script", "<svg", "<img", "<link"] { #expect(!mail.contains(tag)) }
    }

    @Test func verdictCountsChangesPlanAndWhereTheReportsAre() {
        let mail = MailReporter().render(HTMLFixtures.hostileContext())
        #expect(mail.contains(">FAILED · "))
        #expect(mail.contains("3 new open finding(s), 1 resolved; 3 change(s) in the PSA"))
        #expect(mail.contains("3 role(s) to lower in place, 3 dedicated role(s) to create"))
        #expect(mail.contains("<a href=\"https://reports.example.com/psa/&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\">"))
        var local = HTMLFixtures.hostileContext()
        local.reportURL = nil
        local.reportDirectory = "reports/2026-12-07"
        #expect(MailReporter().render(local).contains("<code>reports/2026-12-07/v360audit.html</code>"))
        // Only http(s) report URLs become links.
        local.reportURL = "javascript:alert(4)"
        #expect(!MailReporter().render(local).contains("href=\"javascript"))
    }

    @Test func atMost25RowsThenAndNMore() {
        let mail = MailReporter().render(ResultFixtures.context(ResultFixtures.manyFindings(40, nameLength: 10)))
        #expect(mail.components(separatedBy: "<td style=").count > 25)
        #expect(mail.contains("and 15 more."))
    }

    @Test func cappedAt100KiB() {
        let context = ResultFixtures.context(ResultFixtures.manyFindings(2_000, nameLength: 5_000))
        let mail = MailReporter().render(context)
        #expect(mail.utf8.count <= 100 * 1_024)
        #expect(mail.contains("more."))
        let small = MailReporter(sizeCap: 20_000).render(context)
        #expect(small.utf8.count <= 20_000)
        #expect(HTMLTree(small) != nil)
    }
}
