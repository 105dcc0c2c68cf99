import Foundation
import ManageReader

/// `sensitive-grant`: an active API member whose role (not Admin) grants one of the rule's `ops`
/// on one of its `functions`, such as add/edit on System > Security Roles (the key can raise its
/// own role) or inquire on Companies > Configuration - Display Passwords (it reads every stored
/// password). Flagged even when a tool profile asks for it; `requestedBy` says which tools do.
/// Needs no register: without one it is evaluated all the same.
enum SensitiveGrantCheck {
    static func evaluate(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers, .securityRoles], into: &out)
        let watched = Set(rule.parameters.functions.flatMap { ctx.catalog.entries(matching: $0.module, $0.function) })
        for member in ctx.activeAPIMembers {
            let role: SecurityRole
            switch ctx.role(of: member) {
            case .none: out.pass(member.resource); continue
            case .problem(let problem): out.error(member.resource, problem); continue
            case .role(let value): role = value
            }
            // Admin members already have the critical finding.
            if ctx.isAdmin(role, rule.parameters) { out.pass(member.resource); continue }
            let rows: [RoleSetting]
            switch ctx.settings(of: role) {
            case .failure(let error): out.error(member.resource, error.problem); continue
            case .success(let value): rows = value
            }
            let grants = sensitiveGrants(rows, entries: ctx.roleEntries[role.id] ?? [], watched: watched,
                                         ops: rule.parameters.ops, ctx)
            guard !grants.isEmpty else { out.pass(member.resource); continue }
            let requestedBy = tools(of: member, requesting: grants, ctx)
            let text = grants.map { "\($0.module) / \($0.function) \($0.op.rawValue) = \($0.granted)" }
                .joined(separator: "; ")
            let asked = requestedBy.isEmpty ? "" : " The tool profile(s) \(requestedBy.joined(separator: ", ")) ask for it."
            out.fail(rule, member.resource,
                     "API member \(member.identifier) holds role '\(role.name)', which grants \(text).\(asked)",
                     [EvidenceField("role", ctx.roleEvidence(role)),
                      EvidenceField("grants", .list(grants.map(\.evidence))),
                      EvidenceField("requestedBy", .list(requestedBy.map { .string($0) }))])
        }
        return out
    }

    /// One granted op on a watched function.
    struct Grant: Comparable {
        var module: String, function: String, op: PermissionOperation, granted: String, entry: Int
        var sortKey: String

        static func < (l: Self, r: Self) -> Bool {
            if l.sortKey != r.sortKey { return l.sortKey < r.sortKey }
            if l.op != r.op { return l.op < r.op }
            return (l.module, l.function, l.granted) < (r.module, r.function, r.granted)
        }

        var evidence: EvidenceValue {
            .object([EvidenceField("module", .string(module)), EvidenceField("function", .string(function)),
                     EvidenceField("op", .string(op.rawValue)), EvidenceField("granted", .string(granted))])
        }
    }

    private static func sensitiveGrants(_ rows: [RoleSetting], entries: [Int], watched: Set<Int>,
                                        ops: [PermissionOperation], _ ctx: AuditContext) -> [Grant] {
        var grants: [Grant] = []
        for (row, entry) in zip(rows, entries) where watched.contains(entry) {
            let names = ctx.catalog.entries[entry]
            for op in ops {
                let level = row.level(op)
                let info = ctx.levels.info(level)
                guard info.rank > .none else { continue }
                grants.append(Grant(module: names.module, function: names.function, op: op,
                                    granted: info.isKnown ? info.rank.name : (level.raw ?? ""), entry: entry,
                                    sortKey: names.module.lowercased() + "\u{1F}" + names.function.lowercased()))
            }
        }
        return grants.sorted()
    }

    /// The member's tools whose profiles need at least one of the grants (features as registered).
    private static func tools(of member: MemberView, requesting grants: [Grant], _ ctx: AuditContext) -> [String] {
        ctx.needSpec(of: member).tools.filter { tool in
            guard let needs = ctx.needs(NeedSpec(keys: [(tool.id, tool.features)])) else { return false }
            return grants.contains { (needs[$0.entry] ?? OpRanks())[$0.op] > .none }
        }.map(\.id)
    }
}
