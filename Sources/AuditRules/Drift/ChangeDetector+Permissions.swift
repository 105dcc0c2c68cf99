import Foundation
import ManageReader

extension ChangeDetector {
    /// One operation whose level rank differs between two sets of settings rows.
    struct RowChange {
        var module: String
        var function: String
        var op: PermissionOperation
        var from: String
        var to: String
    }

    /// Rank changes of the roles held by at least one active API member in either snapshot.
    static func roleChanges(old: TenantSnapshot, new: TenantSnapshot,
                            oldMembers: [MemberView], newMembers: [MemberView]) -> [SnapshotChange] {
        var holders: [Int: [String]] = [:]
        for view in newMembers where view.active {
            if let id = view.role?.id { holders[id, default: []].append(view.identifier) }
        }
        let watched = Set(oldMembers.filter(\.active).compactMap(\.role?.id)).union(holders.keys)
        let oldRoles = Dictionary(old.securityRoles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newRoles = Dictionary(new.securityRoles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [SnapshotChange] = []
        for roleId in watched.sorted() {
            let before = oldRoles[roleId], after = newRoles[roleId]
            guard before != nil || after != nil else { continue }
            let members = EvidenceValue.list((holders[roleId] ?? []).sorted().map(EvidenceValue.string))
            let name = EvidenceValue.string(after?.name ?? before?.name ?? "")
            for row in rowChanges(before?.settings ?? [], after?.settings ?? []) {
                changes.append(SnapshotChange(kind: .rolePermission, fields: [
                    EvidenceField("roleId", .int(roleId)), EvidenceField("roleName", name),
                    EvidenceField("module", .string(row.module)), EvidenceField("function", .string(row.function)),
                    EvidenceField("op", .string(row.op.rawValue)), EvidenceField("from", .string(row.from)),
                    EvidenceField("to", .string(row.to)), EvidenceField("members", members),
                ]))
            }
        }
        return changes
    }

    /// The operations whose rank differs. Rows are matched by trimmed, case-insensitive module and
    /// function name (identifiers where a name is null); a row on one side only is `None` on the
    /// other, and a re-spelled level of the same rank (`ALL` for `All`) is no change.
    static func rowChanges(_ before: [RoleSetting], _ after: [RoleSetting]) -> [RowChange] {
        let old = index(before), new = index(after)
        var changes: [RowChange] = []
        for key in Set(old.keys).union(new.keys) {
            let was = old[key], now = new[key]
            guard let label = now?.row ?? was?.row else { continue }
            for op in PermissionOperation.allCases {
                let from = was?.levels[op] ?? .null, to = now?.levels[op] ?? .null
                guard from.rank != to.rank else { continue }
                changes.append(RowChange(module: label.moduleLabel.trimmingCharacters(in: .whitespaces),
                                         function: label.functionLabel.trimmingCharacters(in: .whitespaces), op: op,
                                         from: name(from), to: name(to)))
            }
        }
        return changes
    }

    /// Rows by match key; where a role lists the same function twice, the higher level of each
    /// operation counts (what the PSA can grant at most).
    private static func index(_ rows: [RoleSetting]) -> [String: (row: RoleSetting, levels: [PermissionOperation: PermissionLevel])] {
        var out: [String: (row: RoleSetting, levels: [PermissionOperation: PermissionLevel])] = [:]
        for row in rows {
            let key = matchKey(row.moduleName ?? row.moduleIdentifier) + "\u{1F}" + matchKey(row.moduleFunctionName ?? row.moduleFunctionIdentifier)
            var entry = out[key] ?? (row, [:])
            for op in PermissionOperation.allCases {
                let level = row.level(op)
                if let held = entry.levels[op], held.rank >= level.rank { continue }
                entry.levels[op] = level
            }
            out[key] = entry
        }
        return out
    }

    private static func matchKey(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// `None`, `Mine`, `My`, `All`, or an unknown string as written.
    private static func name(_ level: PermissionLevel) -> String {
        level.isKnown ? level.rank.name : (level.raw ?? "None")
    }
}
