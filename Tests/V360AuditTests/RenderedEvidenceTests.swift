import AuditRules
import Foundation
@testable import Reports
import Testing
@testable import V360Audit

/// Evidence rendered ahead gives the reports' own bytes, and a rendering of other evidence is not used.
@Suite struct RenderedEvidenceTests {
    static func reports(_ context: ReportContext) -> [String] {
        [JSONReporter().render(context), JUnitReporter().render(context), MarkdownReporter().render(context),
         HTMLReporter().render(context)]
    }

    @Test(arguments: [ResultFixtures.hostileResult(), ResultFixtures.hostileResult(complete: true),
                      ResultFixtures.manyFindings(40, nameLength: 300)])
    func renderedAheadIsRenderedInPlace(result: AuditResult) {
        let plain = ResultFixtures.context(result)
        var ahead = plain
        var rendered = RenderedEvidence()
        for finding in result.findings + result.resolved { rendered.entries[finding.fingerprint] = RenderedEvidence.entry(finding) }
        ahead.renderedEvidence = rendered
        #expect(!rendered.entries.isEmpty)
        // Compared as a Bool: a failure should not print two multi-megabyte documents.
        let same = Self.reports(ahead) == Self.reports(plain)
        #expect(same)
        // And they were taken, not rendered again: every entry by at least one report.
        #expect(rendered.untaken == 0 && rendered.reuse.redone == 0, "\(rendered.reuse)")
    }

    @Test func aRenderingOfOtherEvidenceIsNotUsed() throws {
        let result = ResultFixtures.hostileResult()
        let findings = result.findings
        try #require(findings.count >= 2)
        // Each finding's fingerprint points at another finding's rendering (as a stale entry would).
        var rendered = RenderedEvidence()
        for (index, finding) in findings.enumerated() {
            rendered.entries[finding.fingerprint] = RenderedEvidence.entry(findings[(index + 1) % findings.count])
        }
        var context = ResultFixtures.context(result)
        let plain = Self.reports(context)
        context.renderedEvidence = rendered
        let same = Self.reports(context) == plain
        #expect(same)
    }
}
