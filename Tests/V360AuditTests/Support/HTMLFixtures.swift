@testable import AuditRules
import Foundation
@testable import Reports

/// Results with hostile names in every place the HTML and mail reports show tenant data.
enum HTMLFixtures {
    /// Names that run script or add attributes when a report pastes them in unescaped; the last
    /// is a quote and a combining mark, one `Character`, that per-Character escapers let through.
    static let hostileNames = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "\"\u{301} onmouseover=alert(3) x",
    ]

    /// A result after a baseline, every section filled, each hostile name as a member, role, tool,
    /// finding message, evidence value, waiver, coverage note, plan step and change.
    static func hostileResult() -> AuditResult {
        let admin = ResultFixtures.rule("api-member-admin-role", .critical)
        let overbroad = ResultFixtures.rule("api-member-overbroad-role", .high)
        var findings: [Finding] = []
        var inventory: [InventoryRow] = []
        var plan: [PlanEntry] = []
        var changes: [SnapshotChange] = []
        for (index, name) in hostileNames.enumerated() {
            let member = ResultFixtures.member(name, id: 10 + index, name: name)
            findings.append(Finding(ruleId: admin.id, severity: .critical, resource: member, message: "\(name) has Admin",
                                    evidence: .object([EvidenceField("role", .string(name)),
                                                       EvidenceField(name, .bool(true))]), drift: .new))
            let excess = EvidenceValue.object([EvidenceField("module", .string(name)), EvidenceField(name, .string("All"))])
            findings.append(Finding(ruleId: overbroad.id, severity: .high, resource: member, message: "overbroad \(name)",
                                    evidence: .object([EvidenceField("excess", .list([excess, excess]))]), drift: .unchanged))
            inventory.append(InventoryRow(member: member, active: index != 1, roleId: index, roleName: name,
                                          roleIsAdmin: index == 0, tools: [name, "cipp"], keyCount: 1,
                                          findingRuleIds: [admin.id, overbroad.id]))
            plan.append(PlanEntry(action: .lowerRole, roleId: index, roleName: name, members: [name], member: nil,
                                  tools: [name], changes: [.init(module: name, function: name, op: "edit", from: name, to: "None")],
                                  grants: nil))
            plan.append(PlanEntry(action: .newRole, roleId: index, roleName: name, members: nil, member: name, tools: [name],
                                  changes: nil, grants: [.init(module: name, function: name, add: "None", edit: "None",
                                                               delete: "None", inquire: name)]))
            changes.append(SnapshotChange(kind: .apiMember, fields: [
                EvidenceField("change", .string("added")), EvidenceField("identifier", .string(name)),
                EvidenceField("id", .int(index)), EvidenceField("from", .null), EvidenceField("to", .string(name)),
            ]))
        }
        let key = ResourceRef(kind: .apiKey, identifier: hostileNames[0], key: hostileNames[1], registerIndex: 0)
        let stale = ResultFixtures.rule("stale-api-key", .medium, category: "api-keys")
        findings.append(Finding(ruleId: stale.id, severity: .medium, resource: key, message: hostileNames[2],
                                evidence: .object([]), status: .waived,
                                waiver: WaiverNote(id: hostileNames[0], reason: hostileNames[1], owner: hostileNames[2],
                                                   created: "2026-10-01", expires: "2027-01-01", ticket: hostileNames[0])))
        let resolved = Finding(ruleId: admin.id, severity: .critical, resource: ResultFixtures.member(hostileNames[1], id: 99),
                               message: hostileNames[0], evidence: .object([]))
        let rules = [admin, overbroad, stale].map { rule in
            RuleResult(rule: rule, cases: findings.filter { $0.ruleId == rule.id }.map {
                RuleCase(resource: $0.resource, outcome: .failed($0))
            })
        }
        return AuditResult(rules: rules, findings: findings, resolved: [resolved],
                           coverage: hostileNames.map { CoverageEntry(area: $0, status: .caveat, detail: $0) },
                           inventory: inventory, complete: true, hasBaseline: true, plan: plan, changes: changes)
    }

    /// A context for the hostile result, with a report URL and the output folder.
    static func hostileContext() -> ReportContext {
        var context = ResultFixtures.context(hostileResult(), site: hostileNames[0])
        context.reportURL = "https://reports.example.com/psa/\(hostileNames[1])"
        context.reportDirectory = hostileNames[2]
        return context
    }
}
