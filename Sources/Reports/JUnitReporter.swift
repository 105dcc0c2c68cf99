import AuditRules
import Foundation
import V360Core

/// JUnit XML in the strict Ant form (`junit.xsd`) that Jenkins' xUnit schema also accepts.
///
/// One `<testsuite>` per rule, one `<testcase>` per (rule × resource), passing ones included. Every
/// `time` is `0.000` and the `timestamp` is the capture time, so a replay gives the same bytes.
package struct JUnitReporter: Reporter {
    package static let identifier = "junit"
    package static let fileName = "v360audit.junit.xml"

    /// The reporter (it has no settings).
    package init() {}

    package func render(_ context: ReportContext) -> String {
        var xml: [UInt8] = []
        emit(context) { xml += $0 }
        return String(decoding: xml, as: UTF8.self)
    }

    /// Streams the document test case by test case (a large tenant's report runs to megabytes).
    package func write(_ context: ReportContext, to file: DurableFile) {
        emit(context) { file.append($0) }
    }

    private func emit(_ context: ReportContext, _ out: ([UInt8]) -> Void) {
        out(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n".utf8))
        let timestamp = Self.timestamp(context.scan.capturedAt)
        for (index, rule) in context.result.rules.enumerated() {
            suite(rule, id: index, timestamp: timestamp, context: context, out)
        }
        out(Array("</testsuites>\n".utf8))
    }

    // MARK: - Suites

    private func suite(_ result: RuleResult, id: Int, timestamp: String, context: ReportContext,
                       _ out: ([UInt8]) -> Void) {
        let rule = result.rule
        let cases = JUnitCase.cases(for: result, rendered: context.renderedEvidence)
        let attributes: [(String, String)] = [
            ("name", rule.id),
            ("package", "v360audit.\(Self.token(rule.category))"),
            ("id", String(id)),
            ("timestamp", timestamp),
            ("hostname", context.scan.site.isEmpty ? "unknown" : context.scan.site),
            ("tests", String(cases.count)),
            ("failures", String(cases.filter { $0.kind == .failure }.count)),
            ("errors", String(cases.filter { $0.kind == .error }.count)),
            ("skipped", String(cases.filter { $0.kind == .skipped }.count)),
            ("time", "0.000"),
        ]
        var xml = "  <testsuite" + attributes.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined() + ">\n"
        xml += "    <properties>\n"
        for (name, value) in properties(rule, context: context) {
            xml += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        xml += "    </properties>\n"
        out(Array(xml.utf8))
        // Cases go out in batches of bytes: one string per case would copy each failure body twice more.
        var batch: [UInt8] = []
        batch.reserveCapacity(1 << 16)
        for testCase in cases {
            testCase.appendXML(indent: "    ", to: &batch, emit: out)
            if batch.count >= 1 << 16 {
                out(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { out(batch) }
        out(Array(("    <system-out>\(XMLText.text(rule.title + "\n\n" + rule.description))</system-out>\n"
            + "    <system-err></system-err>\n"
            + "  </testsuite>\n").utf8))
    }

    private func properties(_ rule: RuleMetadata, context: ReportContext) -> [(String, String)] {
        [
            ("v360audit.version", context.toolVersion),
            ("v360audit.rule.severity", rule.severity.rawValue),
            ("v360audit.rule.title", rule.title),
            ("v360audit.scan.source", context.scan.source.rawValue),
            ("v360audit.scan.complete", context.complete ? "true" : "false"),
            ("v360audit.snapshot.sha256", context.scan.snapshotSha256),
            ("v360audit.gate.failOn", context.gate.failOn.rawValue),
        ]
    }

    // MARK: - Formatting

    /// `YYYY-MM-DDThh:mm:ss` in UTC with no zone suffix, as the Ant schema demands.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d",
                      c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// An `xs:token`-safe form: no leading/trailing/double spaces, no tabs or newlines.
    static func token(_ string: String) -> String {
        let cleaned = XMLText.oneLine(string)
        return cleaned.isEmpty ? "rules" : cleaned
    }
}
