import Foundation
import ManageReader

/// Computes the least-privilege plan from an evaluation: pure and deterministic.
///
/// Planned: every active API member with an open (not waived) overbroad finding, grouped by role.
/// A role is lowered in place only when that breaks and under-fixes no one: it is not Admin and
/// every active holder (human members included) is an API member with the same, fully profiled
/// needs. Otherwise each planned member gets a dedicated role with exactly its needs.
enum LeastPrivilegePlanner {
    static func plan(_ ctx: AuditContext, findings: [Finding]) -> [PlanEntry] {
        let overbroad = Set(ctx.pack.rules
            .filter { $0.check == .sharedMemberOverbroadRole || $0.check == .singleToolOverbroadRole }.map(\.id))
        let planned = Set(findings
            .filter { $0.status == .open && $0.resource.kind == .member && overbroad.contains($0.ruleId) }
            .map { $0.resource.identifier.lowercased() })
        // Holders by role, worked out once (a tenant has hundreds of roles and thousands of members).
        var byRole: [Int: [MemberView]] = [:]
        var apiHolders: [Int: [MemberView]] = [:]
        for member in ctx.activeAPIMembers {
            guard let id = member.role?.id else { continue }
            apiHolders[id, default: []].append(member)
            if planned.contains(member.key) { byRole[id, default: []].append(member) }
        }
        let apiIds = Set(ctx.apiMembers.map(\.id))
        var humanHeld = Set<Int>()
        for member in ctx.snapshot.members where member.isActive && !apiIds.contains(member.id) {
            if let id = member.securityRole?.id { humanHeld.insert(id) }
        }
        let adminParameters = ctx.pack.rules.first { $0.check == .adminRole }?.parameters ?? RuleParameters()
        var entries: [PlanEntry] = []
        // A new role's grants and what of them the sensitive rules still watch depend on the need
        // spec alone, and many members share one (the same tools): each is worked out once.
        var createdBySpec: [NeedSpec: (grants: [PlanEntry.Grant], residual: [PlanEntry.Residual])] = [:]
        for (roleId, members) in byRole {
            guard let role = ctx.rolesById[roleId], let rows = role.settings else { continue }
            if !ctx.isAdmin(role, adminParameters), !humanHeld.contains(roleId),
               let lowered = lower(role, rows: rows, apiHolders: apiHolders[roleId] ?? [], ctx) {
                entries.append(lowered)
                continue
            }
            for member in members {
                let spec = ctx.needSpec(of: member)
                let created = createdBySpec[spec] ?? {
                    let specGrants = grants(spec, ctx)
                    // The new role grants exactly the needs: what of them the sensitive rules watch stays.
                    return (specGrants, ResidualGrants(ctx: ctx).residual(created: specGrants, spec: spec))
                }()
                createdBySpec[spec] = created
                var entry = PlanEntry(action: .newRole, roleId: role.id, roleName: role.name, member: member.identifier,
                                      tools: spec.toolIds, grants: created.grants)
                entry.residual = created.residual
                entries.append(entry)
            }
        }
        return entries.sorted { $0.sortKey < $1.sortKey }
    }

    /// The `lower-role` entry when every active holder (no human among them: the caller checks)
    /// is an API member with one and the same fully profiled need spec; nil otherwise.
    private static func lower(_ role: SecurityRole, rows: [RoleSetting], apiHolders: [MemberView],
                              _ ctx: AuditContext) -> PlanEntry? {
        guard let first = apiHolders.first else { return nil }
        let spec = ctx.needSpec(of: first)
        guard !spec.tools.isEmpty, apiHolders.allSatisfy({ ctx.needSpec(of: $0) == spec }),
              let needs = ctx.needs(spec) else { return nil }
        let changes = ctx.excesses(of: role, rows: rows, spec: spec, needs: needs).map {
            PlanEntry.Change(module: $0.module, function: $0.function, op: $0.op.rawValue, from: $0.granted, to: $0.needed.name)
        }
        let members = apiHolders.map(\.identifier).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        var entry = PlanEntry(action: .lowerRole, roleId: role.id, roleName: role.name, members: members,
                              tools: spec.toolIds, changes: changes)
        // After lowering, each row grants the lower of today's level and the need.
        var granted: [Int: OpRanks] = [:]
        for (row, catalogEntry) in zip(rows, ctx.roleEntries[role.id] ?? []) {
            for op in PermissionOperation.allCases {
                granted[catalogEntry, default: OpRanks()].raise(op, to: ctx.levels.info(row.level(op)).rank)
            }
        }
        entry.residual = ResidualGrants(ctx: ctx).residual(spec: spec) { catalogEntry, op in
            min((granted[catalogEntry] ?? OpRanks())[op], (needs[catalogEntry] ?? OpRanks())[op])
        }
        return entry
    }

    /// Exactly the spec's needs: one grant per profile row (feature rows per the declared
    /// features), rows naming one module and function merged by the highest level per op, names as
    /// the first profile in tool-id order writes them.
    static func grants(_ spec: NeedSpec, _ ctx: AuditContext) -> [PlanEntry.Grant] {
        var order: [String] = []
        var merged: [String: (module: String, function: String, ranks: OpRanks)] = [:]
        for tool in spec.tools {
            guard let profile = ctx.pack.tool(tool.id) else { continue }
            for permission in profile.permissions(for: tool.features) {
                let key = FunctionCatalog.pairKey(permission.module, permission.function)
                var ranks = merged[key]?.ranks ?? OpRanks()
                for (op, rank) in permission.levels { ranks.raise(op, to: rank) }
                if merged[key] == nil { order.append(key) }
                merged[key] = (merged[key]?.module ?? permission.module, merged[key]?.function ?? permission.function, ranks)
            }
        }
        return order.compactMap { merged[$0] }.map { row in
            PlanEntry.Grant(module: row.module, function: row.function, add: row.ranks[.add].name,
                            edit: row.ranks[.edit].name, delete: row.ranks[.delete].name, inquire: row.ranks[.inquire].name)
        }
    }
}
