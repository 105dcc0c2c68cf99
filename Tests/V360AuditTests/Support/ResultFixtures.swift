import AuditRules
import Foundation
@testable import Reports
@testable import V360Audit

/// Audit results built in code for reporter tests.
enum ResultFixtures {
    /// Tenant data at its worst: pipes, HTML, newlines, backticks, emoji, control characters,
    /// characters XML 1.0 forbids, and Markdown/Mermaid syntax.
    static let hostile = "ev|il <b>bold</b> & <script>x</script>\nline2\r\n`code` 😀👩‍💻 \u{0}\u{7}\u{1B}[31m \u{FFFE}\u{FFFF} \"q\" 'a' # ]]> [link](http://x) ** _ ~ end"
    /// A 10,000-character name.
    static let longName = String(repeating: "Ab|c", count: 2_500)
    /// The fixed capture time of these fixtures.
    static let capturedAt = Date(timeIntervalSince1970: 1_793_512_800)  // 2026-11-01T06:00:00Z

    static func rule(_ id: String, _ severity: Severity, category: String = "api-members") -> RuleMetadata {
        RuleMetadata(id: id, title: "Title of \(id)", severity: severity, category: category,
                     description: "What \(id) flags.", rationale: "Why.", remediation: "1. Fix it.\n2. Check again.",
                     references: [])
    }

    static func member(_ identifier: String, id: Int, name: String? = nil) -> ResourceRef {
        ResourceRef(kind: .member, id: id, identifier: identifier, name: name)
    }

    /// A result over hostile names: a failure with a nested evidence table, a pass, an error, a
    /// waiver, a not-evaluated key, an empty rule; coverage and inventory with the same names.
    static func hostileResult(complete: Bool = false) -> AuditResult {
        let admin = rule("api-member-admin-role", .critical)
        let shared = rule("shared-member-overbroad-role", .high)
        let stale = rule("stale-api-key", .medium, category: "api-keys")
        let empty = rule("integrator-login-all-access", .high, category: "integrator logins")
        let evil = member(hostile, id: 7, name: longName)
        let long = member(longName, id: 8, name: hostile)
        let adminFinding = Finding(ruleId: admin.id, severity: .critical, resource: evil, message: "Member \(hostile) has Admin",
                                   evidence: .object([EvidenceField("role", .string(hostile)),
                                                      EvidenceField("adminFlag", .bool(true))]))
        let excess = EvidenceValue.object([EvidenceField("module", .string("System|\(hostile)")),
                                           EvidenceField("function", .string(longName)),
                                           EvidenceField("op", .string("edit")), EvidenceField("granted", .string("All")),
                                           EvidenceField("needed", .null)])
        let sharedFinding = Finding(ruleId: shared.id, severity: .high, resource: long, message: "\(longName) is overbroad",
                                    evidence: .object([EvidenceField("tools", .list([.string(hostile), .string("cipp")])),
                                                       EvidenceField("excess", .list([excess, excess]))]))
        let key = ResourceRef(kind: .apiKey, identifier: hostile, key: hostile, registerIndex: 0)
        let waived = Finding(ruleId: stale.id, severity: .medium, resource: key, message: "old \(hostile)",
                             evidence: .object([EvidenceField("created", .string("2020-01-01"))]), status: .waived,
                             waiver: WaiverNote(id: "W-\(hostile)", reason: hostile, owner: hostile, created: "2026-10-01",
                                                expires: "2027-01-01", ticket: "SEC-\(hostile)"))
        let rules = [
            RuleResult(rule: admin, cases: [
                RuleCase(resource: evil, outcome: .failed(adminFinding)),
                RuleCase(resource: long, outcome: .passed),
                RuleCase(resource: member("same", id: 1), outcome: .passed),
                RuleCase(resource: member("same", id: 1), outcome: .passed),
                RuleCase(resource: member("x", id: 9), outcome: .error(endpoint: "/system/securityRoles/3/settings",
                                                                      status: 403, detail: hostile)),
            ]),
            RuleResult(rule: shared, cases: [RuleCase(resource: long, outcome: .failed(sharedFinding))]),
            RuleResult(rule: stale, cases: [
                RuleCase(resource: key, outcome: .failed(waived)),
                RuleCase(resource: ResourceRef(kind: .apiKey, identifier: "K", key: "k", registerIndex: 1),
                         outcome: .notEvaluated(reason: "the key has no created date \(hostile)")),
            ]),
            RuleResult(rule: empty, cases: []),
        ]
        let inventory = [
            InventoryRow(member: evil, active: true, roleId: 1, roleName: hostile, roleIsAdmin: true,
                         tools: [hostile, "cipp"], keyCount: 2, findingRuleIds: [admin.id]),
            InventoryRow(member: long, active: false, roleId: nil, roleName: nil, roleIsAdmin: false,
                         tools: [], keyCount: 0, findingRuleIds: [shared.id]),
        ]
        return AuditResult(rules: rules, findings: [adminFinding, sharedFinding, waived],
                           coverage: [CoverageEntry(area: hostile, status: .missing, detail: hostile),
                                      CoverageEntry(area: "tool-profile:cipp", status: .caveat, detail: "unverified")],
                           inventory: inventory, complete: complete)
    }

    /// A result with `count` open findings of one rule, each with a long name.
    static func manyFindings(_ count: Int, nameLength: Int = 10_000) -> AuditResult {
        let high = rule("unregistered-api-member", .high)
        let longName = String(longName.prefix(nameLength))
        let findings = (0..<count).map { index in
            Finding(ruleId: high.id, severity: .high, resource: member("m\(index)-\(longName)", id: index),
                    message: "Member \(index) \(longName) has no register entry",
                    evidence: .object([EvidenceField("name", .string(longName))]))
        }
        let inventory = findings.map {
            InventoryRow(member: $0.resource, active: true, roleId: 1, roleName: "Role", roleIsAdmin: false,
                         tools: [], keyCount: 0, findingRuleIds: [high.id])
        }
        return AuditResult(rules: [RuleResult(rule: high, cases: findings.map { RuleCase(resource: $0.resource, outcome: .failed($0)) })],
                           findings: findings, coverage: [], inventory: inventory, complete: true)
    }

    /// A context for a result.
    static func context(_ result: AuditResult, failOn: FailThreshold = .high, site: String = "api-na.example.net") -> ReportContext {
        ReportContext(result: result,
                      scan: .init(source: .snapshot, site: site, capturedAt: capturedAt,
                                  snapshotSha256: String(repeating: "0f", count: 32)),
                      gate: GateVerdict(result: result, failOn: failOn, failOnNew: false))
    }
}
