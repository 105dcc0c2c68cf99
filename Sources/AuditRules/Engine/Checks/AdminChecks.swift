import Foundation
import ManageReader

/// `admin-role` and `admin-equivalent-role`.
enum AdminChecks {
    /// An active API member whose role is Admin by name or `adminFlag`.
    static func adminRole(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers, .securityRoles], into: &out)
        for member in ctx.activeAPIMembers {
            switch ctx.role(of: member) {
            case .none: out.pass(member.resource)
            case .problem(let problem): out.error(member.resource, problem)
            case .role(let role):
                let byName = rule.parameters.isAdminName(role.name)
                guard byName || role.adminFlag == true else { out.pass(member.resource); continue }
                let matched = [byName ? "name" : nil, role.adminFlag == true ? "adminFlag" : nil].compactMap { $0 }
                out.fail(rule, member.resource,
                         "API member \(member.identifier) holds the Admin security role '\(role.name)'.",
                         [EvidenceField("role", ctx.roleEvidence(role)),
                          EvidenceField("matchedBy", .list(matched.map { .string($0) }))])
            }
        }
        return out
    }

    /// An active API member whose non-Admin role grants `All` on every op of at least `threshold` of its rows.
    static func adminEquivalent(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers, .securityRoles], into: &out)
        for member in ctx.activeAPIMembers {
            guard case .role(let role) = ctx.role(of: member) else {
                if case .problem(let problem) = ctx.role(of: member) { out.error(member.resource, problem) }
                else { out.pass(member.resource) }
                continue
            }
            // Admin roles belong to `admin-role`; this rule looks for the disguised ones.
            if ctx.isAdmin(role, rule.parameters) { out.pass(member.resource); continue }
            let rows: [RoleSetting]
            switch ctx.settings(of: role) {
            case .failure(let error): out.error(member.resource, error.problem); continue
            case .success(let value): rows = value
            }
            let allRows = ctx.roleFacts[role.id]?.allRows ?? rows.filter { isAllRow($0, ctx.levels) }.count
            guard rule.parameters.threshold.isMet(count: allRows, of: rows.count) else {
                out.pass(member.resource); continue
            }
            out.fail(rule, member.resource,
                     "API member \(member.identifier) holds role '\(role.name)', which grants All on every operation of "
                        + "\(allRows) of its \(rows.count) functions (threshold \(rule.parameters.threshold)).",
                     [EvidenceField("role", ctx.roleEvidence(role)),
                      EvidenceField("allRows", .int(allRows)), EvidenceField("totalRows", .int(rows.count)),
                      EvidenceField("threshold", .string(rule.parameters.threshold.text))])
        }
        return out
    }

    /// A row is *all* when it has at least one non-null op and every non-null op ranks `All`
    /// (unknown strings rank `All`, failing safe).
    static func isAllRow(_ row: RoleSetting, _ table: LevelTable = LevelTable()) -> Bool {
        var any = false
        for level in [row.inquireLevel, row.addLevel, row.editLevel, row.deleteLevel] {
            let info = table.info(level)
            if info.isNull { continue }
            if info.rank != .all { return false }
            any = true
        }
        return any
    }
}

extension AuditContext {
    /// Adds one `<error>` case per failed list read the rule depends on.
    func reportListGaps(_ kind: ResourceRef.Kind, _ areas: [DataArea], into out: inout EvaluationOutput) {
        for gap in wholeGaps(areas) {
            out.error(AuditContext.placeholder(kind, gap.endpoint),
                      DataProblem(endpoint: gap.endpoint, status: gap.status, detail: gap.detail))
        }
    }

    /// For register rules without a register: one not-evaluated case per active API member.
    func skipWithoutRegister(into out: inout EvaluationOutput) -> Bool {
        guard register == nil else { return false }
        for member in activeAPIMembers {
            out.skip(member.resource, "no key register was given (--register)")
        }
        return true
    }
}
