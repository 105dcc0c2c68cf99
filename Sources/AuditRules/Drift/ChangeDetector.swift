import Foundation
import ManageReader

/// What changed in the PSA between two snapshots: the `changes[]` of a snapshot baseline and the
/// output of `v360audit diff`. A pure function of the two snapshots.
public enum ChangeDetector {
    /// Every change from `old` to `new`, sorted (see ``SnapshotChange``).
    public static func changes(from old: TenantSnapshot, to new: TenantSnapshot) -> [SnapshotChange] {
        let oldMembers = MemberView.join(members: old.members, apiMembers: old.apiMembers)
        let newMembers = MemberView.join(members: new.members, apiMembers: new.apiMembers)
        var changes = memberChanges(oldMembers, newMembers, old: old, new: new)
        changes += roleChanges(old: old, new: new, oldMembers: oldMembers, newMembers: newMembers)
        changes += loginChanges(old.integratorLogins, new.integratorLogins)
        if let before = old.scanner, let after = new.scanner {
            // A snapshot that could not read /system/mySecurity says nothing about it: no change.
            changes += rowChanges(before.settings, after.settings).map { row in
                SnapshotChange(kind: .scannerPermission, fields: [
                    EvidenceField("module", .string(row.module)), EvidenceField("function", .string(row.function)),
                    EvidenceField("op", .string(row.op.rawValue)), EvidenceField("from", .string(row.from)),
                    EvidenceField("to", .string(row.to)),
                ])
            }
        }
        return changes.sorted()
    }

    // MARK: - API members

    private static func memberChanges(_ before: [MemberView], _ after: [MemberView],
                                      old: TenantSnapshot, new: TenantSnapshot) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        let pairs = Pairing.pair(before, after, id: { $0.id }, name: { $0.identifier })
        func entry(_ change: String, _ view: MemberView, from: EvidenceValue = .null, to: EvidenceValue = .null) -> SnapshotChange {
            SnapshotChange(kind: .apiMember, fields: [
                EvidenceField("change", .string(change)), EvidenceField("identifier", .string(view.identifier)),
                EvidenceField("id", .int(view.id)), EvidenceField("from", from), EvidenceField("to", to),
            ])
        }
        for view in pairs.removed { changes.append(entry("removed", view)) }
        for view in pairs.added { changes.append(entry("added", view)) }
        for (was, now) in pairs.matched {
            if was.active != now.active { changes.append(entry(now.active ? "activated" : "deactivated", now)) }
            if !sameRole(was.role, now.role) {
                changes.append(entry("roleChanged", now, from: roleName(was.role, in: old), to: roleName(now.role, in: new)))
            }
        }
        return changes
    }

    private static func sameRole(_ a: RoleReference?, _ b: RoleReference?) -> Bool {
        if let x = a?.id, let y = b?.id { return x == y }
        if a?.id != nil || b?.id != nil { return false }
        return a?.name?.trimmingCharacters(in: .whitespaces).lowercased() == b?.name?.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The role list's name for the role id, else the member record's `securityRole.name`.
    private static func roleName(_ role: RoleReference?, in snapshot: TenantSnapshot) -> EvidenceValue {
        if let id = role?.id, let listed = snapshot.securityRoles.first(where: { $0.id == id }) { return .string(listed.name) }
        return role?.name.map(EvidenceValue.string) ?? .null
    }

    // MARK: - Integrator logins

    private static func loginChanges(_ before: [IntegratorLogin], _ after: [IntegratorLogin]) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        let pairs = Pairing.pair(before, after, id: { $0.id }, name: { $0.username })
        func entry(_ change: String, _ login: IntegratorLogin, from: EvidenceValue = .null, to: EvidenceValue = .null) -> SnapshotChange {
            SnapshotChange(kind: .integratorLogin, fields: [
                EvidenceField("change", .string(change)), EvidenceField("username", .string(login.username)),
                EvidenceField("from", from), EvidenceField("to", to),
            ])
        }
        // A null flag means the login does not have that access, as the rules read it.
        func access(_ login: IntegratorLogin) -> EvidenceValue {
            .object([EvidenceField("canAccessAllApisFlag", .bool(login.canAccessAllApisFlag == true)),
                     EvidenceField("canAccessAllRecordsFlag", .bool(login.canAccessAllRecordsFlag == true))])
        }
        for login in pairs.removed { changes.append(entry("removed", login)) }
        for login in pairs.added { changes.append(entry("added", login)) }
        for (was, now) in pairs.matched {
            if was.isActive != now.isActive { changes.append(entry(now.isActive ? "activated" : "deactivated", now)) }
            if access(was) != access(now) { changes.append(entry("accessChanged", now, from: access(was), to: access(now))) }
        }
        return changes
    }
}
