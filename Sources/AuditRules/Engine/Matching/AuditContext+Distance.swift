import Foundation
import ManageReader

extension AuditContext {
    /// How many rows of a role would have to change for it to grant exactly what `profile` lists:
    /// the settings rows granted at another rank than the profile needs on any op (rows to lower or
    /// raise), plus the profile rows the role has no settings row for (rows to add). Zero is an
    /// exact match (see ``grantsExactly(_:roleId:profile:)``); nil when the profile has no rows.
    func rowsToChange(_ rows: [RoleSetting], roleId: Int, profile: ToolProfile) -> Int? {
        guard !profile.permissions.isEmpty, let needs = needs(NeedSpec(keys: [(profile.id, nil)])) else { return nil }
        let entries = roleEntries[roleId] ?? []
        var count = 0
        for (position, row) in rows.enumerated() {
            let need = position < entries.count ? needs[entries[position]] ?? OpRanks() : OpRanks()
            if PermissionOperation.allCases.contains(where: { levels.info(row.level($0)).rank != need[$0] }) {
                count += 1
            }
        }
        let present = Set(entries)
        for permission in profile.permissions
        where !catalog.entries(matching: permission.module, permission.function).contains(where: present.contains) {
            count += 1
        }
        return count
    }

    /// The `limit` profiles closest to what `rows` grant (fewest rows to change; ties by id).
    func closestProfiles(_ rows: [RoleSetting], roleId: Int, profiles: [ToolProfile], limit: Int = 3)
        -> [(profile: ToolProfile, rows: Int)] {
        profiles.compactMap { profile in rowsToChange(rows, roleId: roleId, profile: profile).map { (profile, $0) } }
            .sorted { ($0.1, $0.0.id.lowercased()) < ($1.1, $1.0.id.lowercased()) }
            .prefix(limit).map { (profile: $0.0, rows: $0.1) }
    }
}
