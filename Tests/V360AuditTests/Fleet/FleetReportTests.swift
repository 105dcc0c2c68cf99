import AuditRules
import Foundation
import Reports
import Testing
@testable import V360Audit

/// The fleet reporters as pure functions of a fleet summary.
@Suite struct FleetReportTests {
    static func tenant(_ name: String, exit: Int32, critical: Int = 0, high: Int = 0, site: String = "psa.example.com",
                       error: String? = nil) -> FleetTenant {
        let scanned = exit == 0 || exit == 1 || error == nil
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        bySeverity["critical"] = critical
        bySeverity["high"] = high
        let findings = (0..<critical).map { index in
            FleetFinding(tenant: name, Finding(ruleId: "api-member-admin-role", severity: .critical,
                                               resource: ResourceRef(kind: .member, id: index, identifier: "bot\(index)"),
                                               message: "bot\(index) is Admin", evidence: .object([])))
        }
        return FleetTenant(
            name: name, site: site, exitCode: exit, complete: exit <= 1,
            gate: scanned ? .init(failOn: "high", failOnNew: false, passed: exit == 0, failing: critical + high) : nil,
            summary: scanned ? .init(bySeverity: bySeverity, open: critical + high, waived: 0, resolved: 0) : nil,
            drift: nil, reports: scanned ? ["\(name)/v360audit.junit.xml", "\(name)/v360audit.md", "\(name)/v360audit.json"] : [],
            error: error, capturedAt: ResultFixtures.capturedAt, findings: findings,
            suites: scanned ? [] : [FleetJUnitSuites.failure(tenant: name, site: site, exitCode: exit, message: error ?? "")])
    }

    @Test func theWorstTenantDecidesTheCodeAndComesFirst() {
        let summary = FleetSummary(tenants: [
            Self.tenant("a-clean", exit: 0), Self.tenant("b-gate", exit: 1, critical: 1),
            Self.tenant("c-worse-gate", exit: 1, critical: 3), Self.tenant("d-unread", exit: 2, error: "members: 500"),
            Self.tenant("e-invalid", exit: 64, error: "register.yml:3: unknown key"),
        ])
        #expect(summary.exitCode == 64)
        #expect(summary.tenants.map(\.name) == ["e-invalid", "d-unread", "c-worse-gate", "b-gate", "a-clean"])
        #expect(summary.findings.count == 4 && summary.findings.allSatisfy { $0.severity == .critical })
        #expect(summary.findings.first?.tenant == "b-gate")  // same severity: by tenant name
        #expect(FleetSummary(tenants: [Self.tenant("x", exit: 1), Self.tenant("y", exit: 2, error: "z")]).exitCode == 2)
        #expect(FleetSummary(tenants: [Self.tenant("x", exit: 0), Self.tenant("y", exit: 1)]).exitCode == 1)
    }

    @Test func tenantDataIsEscapedInMarkdownAndXML() {
        let hostile = "psa|evil <b>x</b>\n# heading"
        let summary = FleetSummary(tenants: [Self.tenant("evil", exit: 2, site: hostile, error: "could not read | \(hostile)")])
        let markdown = FleetMarkdownReporter().render(summary)
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("psa\\|evil"))
        let tableRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| evil") }
        #expect(tableRows.count == 1)
        let junit = FleetJUnitReporter().render(summary)
        for schema in TestPaths.schemas { #expect(XSDValidator.isValid(junit, schema: schema)) }
        #expect(!junit.contains("<b>"))
    }

    @Test func jsonWritesNullForWhatATenantDoesNotHave() throws {
        let summary = FleetSummary(tenants: [Self.tenant("ok", exit: 1, critical: 1), Self.tenant("bad", exit: 64, error: "nope")])
        let text = FleetJSONReporter().render(summary)
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let tenants = try #require(json["tenants"] as? [[String: Any]])
        #expect(tenants.map { $0["name"] as? String } == ["bad", "ok"])
        #expect(tenants[0]["gate"] is NSNull && tenants[0]["summary"] is NSNull && tenants[0]["report"] is NSNull)
        #expect(tenants[0]["error"] as? String == "nope")
        #expect(tenants[1]["report"] as? String == "ok/v360audit.json" && tenants[1]["error"] is NSNull)
        #expect(tenants[1]["drift"] is NSNull)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.first?["tenant"] as? String == "ok" && findings.first?["drift"] is NSNull)
        #expect((json["fleet"] as? [String: Any])?["exitCode"] as? Int == 64)
        #expect(FleetJSONReporter().render(summary) == text)
    }

    @Test func theFleetHTMLShowsTenantDataAsTextOnly() throws {
        let hostile = HTMLFixtures.hostileNames
        var ok = Self.tenant("ok", exit: 1, critical: 1, site: hostile[0])
        ok.reports.append("ok/v360audit.html")
        let summary = FleetSummary(tenants: [ok, Self.tenant("bad", exit: 2, site: hostile[1], error: hostile[2])])
        let html = FleetHTMLReporter().render(summary)
        let tree = try #require(HTMLTree(html))
        for element in tree.elements {
            #expect(HTMLReporterTests.htmlElements.contains(element.name), "unexpected <\(element.name)>")
            for attribute in element.attributes {
                #expect(HTMLReporterTests.htmlAttributes.contains(attribute.name.lowercased()), "unexpected \(attribute.name)=")
            }
        }
        for name in hostile.prefix(3) { #expect(tree.text.contains(name), "\(name.debugDescription) is not shown as text") }
        #expect(!html.contains("<script") && !html.contains("<img"))
        // Links go to the tenants' own reports and the page's sections only.
        let hrefs = tree.elements.flatMap { $0.attributes.filter { $0.name == "href" }.map(\.value) }
        #expect(hrefs.contains("ok/v360audit.html"))
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0 == "ok/v360audit.html" })
        #expect(html.contains("<span class=\"verdict\">INCOMPLETE</span> 2 tenant(s)"))
    }
}
