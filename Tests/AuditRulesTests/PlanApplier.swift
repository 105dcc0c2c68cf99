import Foundation
import ManageReader
@testable import AuditRules

/// Applies a least-privilege plan to a snapshot the way a security lead would in the PSA: lower the
/// listed levels in place, or create the new role and move the member to it.
enum PlanApplier {
    static func apply(_ plan: [PlanEntry], to snapshot: TenantSnapshot) -> TenantSnapshot {
        var result = snapshot
        for entry in plan {
            switch entry.action {
            case .lowerRole:
                guard let index = result.securityRoles.firstIndex(where: { $0.id == entry.roleId }) else { continue }
                var rows = result.securityRoles[index].settings ?? []
                for change in entry.changes ?? [] {
                    guard let op = PermissionOperation(rawValue: change.op) else { continue }
                    for (i, row) in rows.enumerated() where row.moduleLabel == change.module && row.functionLabel == change.function {
                        rows[i].set(op, PermissionLevel(change.to))
                    }
                }
                result.securityRoles[index].settings = rows
            case .newRole:
                let id = (result.securityRoles.map(\.id).max() ?? 0) + 1
                let rows = (entry.grants ?? []).map { grant in
                    RoleSetting(moduleName: grant.module, moduleFunctionName: grant.function,
                                addLevel: PermissionLevel(grant.add), editLevel: PermissionLevel(grant.edit),
                                deleteLevel: PermissionLevel(grant.delete), inquireLevel: PermissionLevel(grant.inquire))
                }
                result.securityRoles.append(SecurityRole(id: id, name: "Plan: \(entry.member ?? "")", settings: rows))
                let member = (entry.member ?? "").lowercased()
                for i in result.members.indices where result.members[i].identifier.lowercased() == member {
                    result.members[i].securityRole = RoleReference(id: id)
                }
                for i in result.apiMembers.indices where result.apiMembers[i].identifier.lowercased() == member {
                    result.apiMembers[i].securityRole = RoleReference(id: id)
                }
            }
        }
        return result
    }

    /// (member, profile row, op) triples whose needed level the member's role grants: what
    /// "every active API member's needs are still met" compares before and after.
    static func metNeeds(_ snapshot: TenantSnapshot, pack: RulePack, register: KeyRegister) -> Set<String> {
        let ctx = AuditContext(pack: pack, snapshot: snapshot, register: register)
        var met = Set<String>()
        for member in ctx.activeAPIMembers {
            guard case .role(let role) = ctx.role(of: member), let rows = role.settings else { continue }
            let entries = ctx.roleEntries[role.id] ?? []
            for tool in ctx.needSpec(of: member).tools {
                guard let profile = pack.tool(tool.id) else { continue }
                for permission in profile.permissions(for: tool.features) {
                    let matching = Set(ctx.catalog.entries(matching: permission.module, permission.function))
                    for op in PermissionOperation.allCases where permission.level(op) > .none {
                        let granted = zip(rows, entries).filter { matching.contains($0.1) }
                            .map { ctx.levels.info($0.0.level(op)).rank }.max() ?? .none
                        if granted >= permission.level(op) {
                            met.insert("\(member.key)|\(permission.module)|\(permission.function)|\(op.rawValue)")
                        }
                    }
                }
            }
        }
        return met
    }
}

extension RoleSetting {
    /// Sets one operation's level.
    mutating func set(_ op: PermissionOperation, _ level: PermissionLevel) {
        switch op {
        case .add: addLevel = level
        case .edit: editLevel = level
        case .delete: deleteLevel = level
        case .inquire: inquireLevel = level
        }
    }
}
