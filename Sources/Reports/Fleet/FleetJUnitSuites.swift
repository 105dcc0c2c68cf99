import AuditRules
import ManageReader

/// A tenant's suites for the fleet JUnit report: its own report's suites (one per rule, every
/// case), with the suite names, packages and classnames prefixed by the tenant's name so they
/// stay unique across the fleet. Pure functions of the tenant's report context.
package enum FleetJUnitSuites {
    /// The suites of one tenant's scan.
    package static func suites(tenant: String, context: ReportContext) -> [FleetJUnitSuite] {
        let timestamp = JUnitReporter.timestamp(context.scan.capturedAt)
        let hostname = context.scan.site.isEmpty ? "unknown" : context.scan.site
        return context.result.rules.map { result in
            let rule = result.rule
            var cases = JUnitCase.cases(for: result, rendered: context.renderedEvidence)
            for index in cases.indices { cases[index].classname = tenant + "." + cases[index].classname }
            var body: [UInt8] = []
            appendProperties(tenant: tenant, [
                ("v360audit.version", context.toolVersion),
                ("v360audit.rule.severity", rule.severity.rawValue),
                ("v360audit.rule.title", rule.title),
                ("v360audit.scan.source", context.scan.source.rawValue),
                ("v360audit.scan.complete", context.complete ? "true" : "false"),
                ("v360audit.snapshot.sha256", context.scan.snapshotSha256),
                ("v360audit.gate.failOn", context.gate.failOn.rawValue),
            ], to: &body)
            for testCase in cases { append(testCase, to: &body) }
            appendOutput(rule.title + "\n\n" + rule.description, to: &body)
            return FleetJUnitSuite(
                name: "\(tenant).\(rule.id)", packageName: "\(tenant).v360audit.\(JUnitReporter.token(rule.category))",
                timestamp: timestamp, hostname: hostname, tests: cases.count,
                failures: cases.filter { $0.kind == .failure }.count, errors: cases.filter { $0.kind == .error }.count,
                skipped: cases.filter { $0.kind == .skipped }.count, body: body)
        }
    }

    /// The one suite of a tenant that has no report: a single error case saying why, so a CI
    /// system shows the tenant as broken instead of leaving it out.
    package static func failure(tenant: String, site: String, exitCode: Int32, message: String) -> FleetJUnitSuite {
        var body: [UInt8] = []
        appendProperties(tenant: tenant, [("v360audit.version", ToolInfo.version), ("v360audit.exitCode", String(exitCode))],
                         to: &body)
        var testCase = JUnitCase(classname: "\(tenant).v360audit.tenant", name: "\(tenant): scan", kind: .error)
        testCase.type = exitCode == 2 ? "read-error" : "invalid-input"
        testCase.message = XMLText.oneLine(message)
        var text: [UInt8] = []
        XMLText.append("The tenant \(tenant) was not scanned (exit \(exitCode)): \(message)", attribute: false, to: &text)
        testCase.escapedBody = [text]
        append(testCase, to: &body)
        appendOutput("The tenant could not be scanned.", to: &body)
        let host = (try? SiteAddress.parse(site).host) ?? XMLText.oneLine(site)
        return FleetJUnitSuite(name: tenant, packageName: "\(tenant).v360audit", timestamp: nil,
                               hostname: host.isEmpty ? "unknown" : host, tests: 1, failures: 0, errors: 1, skipped: 0,
                               body: body)
    }

    /// A test case's XML: the pieces it hands on as they are (large evidence), then the rest.
    private static func append(_ testCase: JUnitCase, to body: inout [UInt8]) {
        var emitted: [UInt8] = [], rest: [UInt8] = []
        testCase.appendXML(indent: "    ", to: &rest) { emitted += $0 }
        body += emitted
        body += rest
    }

    private static func appendProperties(tenant: String, _ properties: [(String, String)], to body: inout [UInt8]) {
        var xml = "    <properties>\n"
        for (name, value) in [("v360audit.tenant", tenant)] + properties {
            xml += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        xml += "    </properties>\n"
        body += Array(xml.utf8)
    }

    private static func appendOutput(_ text: String, to body: inout [UInt8]) {
        body += Array(("    <system-out>\(XMLText.text(text))</system-out>\n    <system-err></system-err>\n").utf8)
    }
}
