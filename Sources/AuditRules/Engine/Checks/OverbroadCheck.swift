import Foundation
import ManageReader

/// `shared-member-overbroad-role` and `single-tool-overbroad-role`: a role granting any op above
/// the union of the member's tools' profiles (feature rows counted per the register's `features`).
enum OverbroadCheck {
    /// Evaluates members with two or more tools (`shared`) or exactly one.
    static func evaluate(_ rule: RuleDefinition, _ ctx: AuditContext, shared: Bool) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers, .securityRoles], into: &out)
        if ctx.skipWithoutRegister(into: &out) { return out }
        // Members in parallel chunks: each finding's evidence (and fingerprint) covers every excess row.
        let members = EvaluationOutput.concurrently(ctx.activeAPIMembers) { member, out in
            let spec = ctx.needSpec(of: member)
            let tools = spec.toolIds
            guard shared ? tools.count >= 2 : tools.count == 1 else { return }
            // A `TODO` tool (a draft entry not filled in yet) is not a profile to add: say what it is.
            let unset = tools.contains(where: KeyRegister.isUnset)
            let missing = tools.filter { !KeyRegister.isUnset($0) && ctx.pack.tool($0) == nil }
            if unset || !missing.isEmpty {
                var reasons: [String] = []
                if unset { reasons.append("tool not set yet (TODO in the register)") }
                if !missing.isEmpty {
                    reasons.append("no tool profile for \(missing.joined(separator: ", ")) (rules/tools/<id>.yml)")
                }
                out.skip(member.resource, reasons.joined(separator: "; "))
                if unset {
                    out.coverage.append(CoverageEntry(
                        area: "key-register", status: .notEvaluated,
                        detail: "Tool not set yet (TODO in the register) for member \(member.identifier): its role was "
                            + "not checked against a tool's needs. Set the entry's tool to a profile id "
                            + "(v360audit profiles list)."))
                }
                for tool in missing {
                    out.coverage.append(CoverageEntry(
                        area: "tool-profile:\(tool)", status: .notEvaluated,
                        detail: "No tool profile for registered tool '\(tool)' (member \(member.identifier)); "
                            + "its role was not checked against the tool's needs. Add rules/tools/\(tool).yml."))
                }
                return
            }
            let role: SecurityRole
            switch ctx.role(of: member) {
            case .none: out.pass(member.resource); return
            case .problem(let problem): out.error(member.resource, problem); return
            case .role(let value): role = value
            }
            let rows: [RoleSetting]
            switch ctx.settings(of: role) {
            case .failure(let error): out.error(member.resource, error.problem); return
            case .success(let value): rows = value
            }
            // Judged during the read, when that member, role and spec are the ones judged then.
            if let prepared = ctx.prepared {
                if let judged = prepared.judgement(rule.id, member: member, role: role, spec: spec) {
                    prepared.tally.reused()
                    out.append(judged)
                    return
                }
                prepared.tally.redone()
            }
            guard let needs = ctx.needs(spec) else { return }
            let excess = ctx.excesses(of: role, rows: rows, spec: spec, needs: needs)
            out.append(judgement(rule, member: member, role: role, tools: tools, excess: excess, shared: shared))
        }
        out.append(members)
        return out
    }

    /// The case of a member whose role, with every profile at hand, grants `excess` beyond its
    /// tools' needs: passed when nothing is in excess, else a finding listing every excess op.
    static func judgement(_ rule: RuleDefinition, member: MemberView, role: SecurityRole, tools: [String],
                          excess: [Excess], shared: Bool) -> EvaluationOutput {
        var out = EvaluationOutput()
        guard !excess.isEmpty else { out.pass(member.resource); return out }
        let toolText = tools.joined(separator: ", ")
        out.fail(rule, member.resource,
                 "API member \(member.identifier) holds role '\(role.name)', which grants \(excess.count) "
                    + "permission(s) beyond what " + (shared ? "its tools (\(toolText)) need." : "its tool (\(toolText)) needs."),
                 [EvidenceField("role", AuditContext.roleEvidence(role)),
                  EvidenceField("tools", .list(tools.map { .string($0) })),
                  EvidenceField("excess", .list(excess.map(\.evidence)))])
        return out
    }
}
