import AuditRules
import V360Core

/// One `<testcase>` of the JUnit report, derived from a `RuleCase`.
struct JUnitCase: Sendable {
    /// Body pieces this large are written as they are (``DurableFile`` writes them straight out).
    static let largePiece = DurableFile.directWriteSize

    /// What the test case holds besides its attributes.
    enum Kind: Sendable { case passed, failure, skipped, error }

    /// The `classname` attribute (`v360audit.<rule id>`).
    var classname: String
    /// The `name` attribute, unique within the suite.
    var name: String
    /// Passed, failure, skipped or error.
    var kind: Kind
    /// The child element's `type` (failure and error).
    var type: String = ""
    /// The child element's one-line `message`.
    var message: String = ""
    /// The child element's text (failure and error), already XML-escaped, as the pieces it is
    /// made of: a failure's own lines, its evidence lines (shared with the rendering made ahead)
    /// and the rule's remediation (shared by every case of the rule). Kept apart so that a body of
    /// hundreds of evidence lines goes to the file as it is instead of being copied into the case.
    var escapedBody: [[UInt8]] = []

    /// The test cases of one rule; a rule with nothing in scope gets one passing case, so a clean
    /// scan is never "0 tests". Names are made unique by a ` #n` suffix on repeats.
    /// - Parameter rendered: findings' evidence rendered ahead, used where it is the finding's.
    static func cases(for result: RuleResult, rendered: RenderedEvidence? = nil) -> [JUnitCase] {
        let classname = "v360audit.\(result.rule.id)"
        guard !result.cases.isEmpty else {
            return [JUnitCase(classname: classname, name: "\(result.rule.id): no resources in scope", kind: .passed)]
        }
        var seen: [String: Int] = [:]
        let remediation = escapedRemediation(result.rule)
        return result.cases.map { ruleCase in
            var name = XMLText.oneLine("\(result.rule.id) [\(EvidenceText.resource(ruleCase.resource))]")
            // Compare as written: two names that differ only in dropped characters would collide.
            let written = XMLText.attribute(name)
            let count = seen[written, default: 0] + 1
            seen[written] = count
            if count > 1 { name += " #\(count)" }
            return make(ruleCase, rule: result.rule, classname: classname, name: name, rendered: rendered,
                        remediation: remediation)
        }
    }

    private static func make(_ ruleCase: RuleCase, rule: RuleMetadata, classname: String, name: String,
                             rendered: RenderedEvidence?, remediation: [UInt8]) -> JUnitCase {
        var testCase = JUnitCase(classname: classname, name: name, kind: .passed)
        switch ruleCase.outcome {
        case .passed:
            break
        case .failed(let finding) where finding.status == .waived:
            testCase.kind = .skipped
            testCase.message = waiverText(finding.waiver) + " — " + finding.message
        case .failed(let finding):
            testCase.kind = .failure
            testCase.type = finding.severity.rawValue.uppercased()
            testCase.message = finding.message
            testCase.escapedBody = failureBody(finding, rule: rule, evidence: rendered?.junit(finding),
                                               remediation: remediation)
        case .notEvaluated(let reason):
            testCase.kind = .skipped
            testCase.message = "not evaluated: " + reason
        case .error(let endpoint, let status, let detail):
            testCase.kind = .error
            testCase.type = "read-error"
            let statusText = status.map { "HTTP \($0)" } ?? "no response"
            testCase.message = "could not read GET \(endpoint) (\(statusText)): \(detail)"
            var body: [UInt8] = []
            XMLText.append("The scan is incomplete: \(rule.id) could not judge this resource because "
                + "GET \(endpoint) failed (\(statusText)).\n\(detail)", attribute: false, to: &body)
            testCase.escapedBody = [body]
        }
        testCase.message = XMLText.oneLine(testCase.message)
        return testCase
    }

    /// `waived until 2027-01-31: reason (waiver W-1, owner …, ticket …)`, as docs/design.md words it.
    private static func waiverText(_ waiver: WaiverNote?) -> String {
        guard let waiver else { return "waived" }
        var parts = ["waiver \(waiver.id)"]
        if let owner = waiver.owner { parts.append("owner \(owner)") }
        if let ticket = waiver.ticket { parts.append("ticket \(ticket)") }
        return "waived until \(waiver.expires ?? "further notice"): \(waiver.reason) (\(parts.joined(separator: ", ")))"
    }

    /// The failure text, escaped, built as bytes: an overbroad-role finding lists hundreds of
    /// evidence entries, and line arrays joined and re-joined cost several copies of each. The
    /// escape works character by character, so escaping line by line (and taking the evidence
    /// lines escaped ahead, `evidence`) gives the bytes of escaping the whole text.
    private static func failureBody(_ finding: Finding, rule: RuleMetadata, evidence: [UInt8]?,
                                    remediation: [UInt8]) -> [[UInt8]] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        func line(_ text: String) {
            XMLText.append(text, attribute: false, to: &out)
            out.append(0x0A)
        }
        line("rule: \(rule.id) (\(rule.title))")
        line("severity: \(finding.severity.rawValue.uppercased())")
        line("resource: \(EvidenceText.resource(finding.resource))")
        if let drift = finding.drift { line("drift: \(drift.rawValue)") }
        line("fingerprint: \(finding.fingerprint)")
        line("evidence:")
        return [out, evidence ?? escapedEvidence(finding.evidence), remediation]
    }

    /// The escaped end of every failure body of `rule`: its remediation, indented, with no newline
    /// after the last line (the body's lines are joined by newlines).
    private static func escapedRemediation(_ rule: RuleMetadata) -> [UInt8] {
        var text = "remediation:"
        for part in rule.remediation.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "\n  " + part
        }
        var out: [UInt8] = []
        XMLText.append(text, attribute: false, to: &out)
        return out
    }

    /// A finding's evidence lines as a failure body lists them, XML-escaped.
    static func escapedEvidence(_ evidence: EvidenceValue) -> [UInt8] {
        var lines: [UInt8] = []
        EvidenceText.appendLines(evidence, indent: "  ", to: &lines)
        var out: [UInt8] = []
        out.reserveCapacity(lines.count + lines.count / 16)
        XMLText.append(bytes: lines, attribute: false, to: &out)
        return out
    }

    /// The element as XML lines.
    func xml(indent: String) -> String {
        var emitted: [UInt8] = [], out: [UInt8] = []
        appendXML(indent: indent, to: &out) { emitted += $0 }
        return String(decoding: emitted + out, as: UTF8.self)
    }

    /// Appends the element's XML lines to `out`; a body piece of ``largePiece`` bytes or more is
    /// handed to `emit` as it is, after `out` (emptied), so it is not copied on its way.
    func appendXML(indent: String, to out: inout [UInt8], emit: ([UInt8]) -> Void) {
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func attribute(_ name: String, _ value: String) {
            raw(" \(name)=\"")
            XMLText.append(value, attribute: true, to: &out)
            raw("\"")
        }
        raw(indent)
        raw("<testcase")
        attribute("name", name)
        attribute("classname", classname)
        raw(" time=\"0.000\"")
        switch kind {
        case .passed:
            raw("/>\n")
        case .skipped:
            raw(">\n\(indent)  <skipped")
            attribute("message", message)
            raw("/>\n\(indent)</testcase>\n")
        case .failure, .error:
            let element = kind == .failure ? "failure" : "error"
            raw(">\n\(indent)  <\(element)")
            attribute("type", type)
            attribute("message", message)
            raw(">")
            for piece in escapedBody {
                if piece.count >= Self.largePiece {
                    emit(out)
                    out.removeAll(keepingCapacity: true)
                    emit(piece)
                } else {
                    out.append(contentsOf: piece)
                }
            }
            raw("</\(element)>\n\(indent)</testcase>\n")
        }
    }
}
