@testable import AuditRules
import Foundation
import ManageReader
@testable import Reports
import Testing
@testable import V360Audit
import V360Core

@Suite struct JSONReporterTests {
    @Test func structureMatchesTheContract() throws {
        let json = JSONReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "tool", "scan", "gate", "summary", "findings", "resolved", "coverage", "inventory",
                                     "plan", "changes"])
        #expect(object["format"] as? String == "v360audit-report")
        #expect(object["changes"] is NSNull, "no snapshot baseline: changes is null")
        let tool = try #require(object["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "v360audit")
        let scan = try #require(object["scan"] as? [String: Any])
        #expect(scan["capturedAt"] as? String == "2026-11-01T06:00:00Z")
        #expect(scan["source"] as? String == "snapshot")
        #expect(scan["complete"] as? Bool == false)
        #expect((scan["snapshotSha256"] as? String)?.count == 64)
        let gate = try #require(object["gate"] as? [String: Any])
        #expect(gate["failOn"] as? String == "high")
        #expect(gate["passed"] as? Bool == false)
        let summary = try #require(object["summary"] as? [String: Any])
        let bySeverity = try #require(summary["bySeverity"] as? [String: Int])
        #expect(bySeverity == ["critical": 1, "high": 1, "medium": 0, "low": 0, "info": 0])
        #expect(summary["waived"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        #expect(findings[2]["status"] as? String == "waived")
        #expect((findings[0]["resource"] as? [String: Any])?["kind"] as? String == "member")
        #expect(json.contains("\"tool\" : {") || json.contains("\"tool\": {"))
    }

    @Test func baselineReadsTheReportBackAndDriftWorks() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = ResultFixtures.hostileResult(complete: true)
        let file = directory.appendingPathComponent("v360audit.json")
        try Data(JSONReporter().render(ResultFixtures.context(first)).utf8).write(to: file)
        let baseline = try Baseline.load(from: file)
        guard case .report(let findings) = baseline.source else { Issue.record("expected a report baseline"); return }
        // Evidence objects come back with sorted keys, so compare identities, statuses and fingerprints.
        #expect(findings.map(\.identity) == first.findings.map(\.identity))
        #expect(findings.map(\.status) == first.findings.map(\.status))
        #expect(findings.map(\.fingerprint) == first.findings.map(\.fingerprint))
        // Drop one finding: the next scan shows it resolved; everything else unchanged.
        var second = first
        second.findings.removeFirst()
        let current = TenantSnapshot(source: SnapshotSource(site: "x", capturedAt: Date(timeIntervalSince1970: 0)))
        let applied = baseline.apply(to: second, current: current, evaluate: { _ in second })
        #expect(applied.resolved.map(\.ruleId) == ["api-member-admin-role"])
        #expect(applied.findings.allSatisfy { $0.drift == .unchanged })
        let json = JSONReporter().render(ResultFixtures.context(applied))
        #expect(json.contains("\"drift\" : \"unchanged\""))
        let markdown = MarkdownReporter().render(ResultFixtures.context(applied))
        #expect(markdown.contains("## Drift since the baseline\n\n0 new, 1 resolved."))
    }

    @Test func sameInputsGiveByteIdenticalReports() {
        for reporter in [JUnitReporter(), MarkdownReporter(), JSONReporter()] as [any Reporter] {
            let first = reporter.render(ResultFixtures.context(ResultFixtures.hostileResult()))
            let second = reporter.render(ResultFixtures.context(ResultFixtures.hostileResult()))
            #expect(first == second, "\(type(of: reporter).identifier)")
        }
    }

    @Test func failOnNewIgnoresUnchangedFindings() {
        var result = ResultFixtures.hostileResult(complete: true)
        result.findings = result.findings.map { var f = $0; f.drift = .unchanged; return f }
        #expect(GateVerdict(result: result, failOn: .high, failOnNew: true).passed)
        #expect(!GateVerdict(result: result, failOn: .high, failOnNew: false).passed)
        #expect(GateVerdict(result: result, failOn: .never, failOnNew: false).passed)
        result.findings[1].drift = .new
        #expect(GateVerdict(result: result, failOn: .high, failOnNew: true).failing.count == 1)
    }
}

/// The streamed JSON report must be the same document as `JSONReport`'s `Encodable` form, which
/// is what `Baseline` decodes; only the bytes' layout may differ.
@Suite struct JSONStreamEquivalenceTests {
    static let contexts: [ReportContext] = [
        ResultFixtures.context(ResultFixtures.hostileResult()),
        ResultFixtures.context(ResultFixtures.manyFindings(30)),
        ResultFixtures.context(AuditResult(rules: [], findings: [], coverage: [], inventory: [], complete: true)),
        ResultFixtures.context(Self.withPlan()),
    ]

    /// A result whose plan has both actions, with names that need escaping.
    static func withPlan() -> AuditResult {
        var result = ResultFixtures.manyFindings(3)
        result.plan = [
            PlanEntry(action: .lowerRole, roleId: 7, roleName: "Ops \"shared\"", members: ["a/b", "c"], tools: ["t1"],
                      changes: [.init(module: "Service Desk", function: "Tickets\u{1}", op: "delete", from: "All", to: "None"),
                                .init(module: "System", function: "Members", op: "edit", from: "weird", to: "My")]),
            PlanEntry(action: .newRole, roleId: 9, roleName: "R", member: "x|y", tools: ["t1", "t2"],
                      grants: [.init(module: "Finance", function: "Invoices", add: "None", edit: "None", delete: "None",
                                     inquire: "All"),
                               .init(module: "Ünïcode", function: "\\path", add: "All", edit: "My", delete: "Mine",
                                     inquire: "All")]),
        ]
        return result
    }

    /// The plan's string objects are written without closures; the bytes are the closure form's.
    @Test func stringObjectsAreTheBytesOfTheGeneralObjectWriter() {
        let pairs: KeyValuePairs<String, String> = ["add": "a\"b", "delete": "", "edit": "é\n", "function": "f/g",
                                                    "inquire": "\u{7}", "module": "m"]
        var direct = JSONStream(level: 2), general = JSONStream(level: 2)
        direct.stringObject(sortedFields: pairs)
        general.object(pairs.reversed().map { pair in (pair.key, { $0.string(pair.value) }) })
        #expect(direct.bytes == general.bytes)
        var emptyDirect = JSONStream(), emptyGeneral = JSONStream()
        emptyDirect.stringObject(sortedFields: [:])
        emptyGeneral.object([])
        #expect(emptyDirect.bytes == emptyGeneral.bytes)
    }

    @Test(arguments: 0..<contexts.count)
    func streamedDocumentEqualsTheEncodableOne(index: Int) throws {
        let context = Self.contexts[index]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let expected = try JSONSerialization.jsonObject(with: encoder.encode(JSONReport(context)))
        let streamed = JSONReporter().render(context)
        let actual = try JSONSerialization.jsonObject(with: Data(streamed.utf8))
        // The stream writes contract fields as null where the encoder leaves them out, so compare
        // the two without nulls (evidence may hold nulls of its own on both sides).
        let normalizedExpected = try #require(Self.droppingNulls(expected) as? NSDictionary)
        #expect(Self.droppingNulls(actual) as? NSDictionary == normalizedExpected)
    }

    /// docs/design.md's recipe, applied independently of the engine: the report's own `evidence`,
    /// `resource` and `ruleId`, re-serialised by Foundation with sorted keys, hashed.
    @Test func fingerprintIsTheHashOfTheReportsOwnValues() throws {
        let json = JSONReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        var seen = Set<String>()
        for finding in findings {
            let subset: [String: Any] = ["evidence": finding["evidence"]!, "resource": finding["resource"]!, "ruleId": finding["ruleId"]!]
            let canonical = try JSONSerialization.data(withJSONObject: subset, options: [.sortedKeys, .withoutEscapingSlashes])
            let fingerprint = try #require(finding["fingerprint"] as? String)
            #expect(fingerprint == String(SnapshotStore.sha256Hex(canonical).prefix(16)),
                    "\(String(decoding: canonical, as: UTF8.self))")
            seen.insert(fingerprint)
        }
        #expect(seen.count == findings.count, "distinct findings have distinct fingerprints")
    }

    @Test func contractFieldsArePresentEvenWhenNull() throws {
        let json = JSONReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(finding["drift"] is NSNull, "no baseline: drift is null")
            let resource = try #require(finding["resource"] as? [String: Any])
            #expect(Set(["kind", "id", "identifier", "name"]).isSubset(of: resource.keys))
        }
    }

    static func droppingNulls(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !($0.value is NSNull) }.mapValues(droppingNulls)
        }
        if let array = value as? [Any] { return array.map(droppingNulls) }
        return value
    }

    @Test func stringsAreEscapedAsJSONRequires() throws {
        var stream = JSONStream()
        let hostile = "quote \" backslash \\ slash / nl \n tab \t nul \u{0} esc \u{1B} emoji 😀 bell \u{7}"
        stream.array([hostile]) { $0.string($1) }
        let decoded = try JSONSerialization.jsonObject(with: Data(stream.bytes)) as? [String]
        #expect(decoded == [hostile])
        #expect(!String(decoding: stream.bytes, as: UTF8.self).contains("\\/"))
    }

    @Test func escapeCopiesCleanRunsAndEscapesTheRest() throws {
        let pieces = ["clean run ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "/", "é", "😀"]
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        for length in [0, 1, 2, 9, 120] {
            for _ in 0..<40 {
                var text = ""
                for _ in 0..<length {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    text += pieces[Int(state % UInt64(pieces.count))]
                }
                var bytes: [UInt8] = []
                JSONStringEscape.append(text, to: &bytes)
                // The escape JSONEncoder would write (short forms, lowercase \u00xx, slashes as they are).
                var expected = "\""
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "\"": expected += "\\\""
                    case "\\": expected += "\\\\"
                    case "\n": expected += "\\n"
                    case "\r": expected += "\\r"
                    case "\t": expected += "\\t"
                    case "\u{8}": expected += "\\b"
                    case "\u{C}": expected += "\\f"
                    case _ where scalar.value < 0x20: expected += String(format: "\\u%04x", scalar.value)
                    default: expected.unicodeScalars.append(scalar)
                    }
                }
                expected += "\""
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(text.debugDescription)")
                #expect(try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String == text)
            }
        }
    }
}
