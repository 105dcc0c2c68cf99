import Foundation

/// The fleet JUnit report (`v360audit-fleet.junit.xml`): one `<testsuite>` per tenant × rule,
/// classnames prefixed with the tenant's name; a tenant that has no report gets one suite with one
/// error. Valid against the same two schemas as a single scan's report.
package struct FleetJUnitReporter: FleetReporter {
    /// Creates the reporter.
    package init() {}

    package static let fileName = "v360audit-fleet.junit.xml"

    package func render(_ summary: FleetSummary) -> String {
        let fallback = JUnitReporter.timestamp(summary.latestCapture ?? Date(timeIntervalSince1970: 0))
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n".utf8)
        var id = 0
        for tenant in summary.tenants {
            for suite in tenant.suites {
                let attributes: [(String, String)] = [
                    ("name", suite.name), ("package", suite.packageName), ("id", String(id)),
                    ("timestamp", suite.timestamp ?? fallback), ("hostname", suite.hostname),
                    ("tests", String(suite.tests)), ("failures", String(suite.failures)),
                    ("errors", String(suite.errors)), ("skipped", String(suite.skipped)), ("time", "0.000"),
                ]
                xml += Array(("  <testsuite" + attributes.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined() + ">\n").utf8)
                xml += suite.body
                xml += Array("  </testsuite>\n".utf8)
                id += 1
            }
        }
        xml += Array("</testsuites>\n".utf8)
        return String(decoding: xml, as: UTF8.self)
    }
}
