import Foundation
import ManageReader

extension AuditContext {
    /// True when `rows` grant exactly what `profile` lists (every row counted): each profile row
    /// matches a row of the role, and every op of every row is granted at exactly the needed rank.
    /// An empty profile never matches (it would match every role that grants nothing).
    func grantsExactly(_ rows: [RoleSetting], roleId: Int, profile: ToolProfile) -> Bool {
        guard !profile.permissions.isEmpty,
              let needs = needs(NeedSpec(keys: [(profile.id, nil)])) else { return false }
        let entries = roleEntries[roleId] ?? []
        guard entries.count == rows.count else { return false }
        let present = Set(entries)
        for permission in profile.permissions
        where !catalog.entries(matching: permission.module, permission.function).contains(where: present.contains) {
            return false
        }
        for (row, entry) in zip(rows, entries) {
            let need = needs[entry] ?? OpRanks()
            for op in PermissionOperation.allCases {
                let info = levels.info(row.level(op))
                guard info.isKnown, info.rank == need[op] else { return false }
            }
        }
        return true
    }
}
