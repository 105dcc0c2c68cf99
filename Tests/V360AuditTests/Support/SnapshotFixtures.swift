import Foundation
import ManageReader

/// Small snapshots written to temporary files for offline `scan --snapshot` tests.
enum SnapshotFixtures {
    static let capturedAt = Date(timeIntervalSince1970: 1_793_512_800)

    /// A read-only scanner role row.
    static let readOnly = RoleSetting(moduleName: "System", moduleFunctionName: "Member Maintenance",
                                      addLevel: PermissionLevel("None"), editLevel: PermissionLevel("None"),
                                      deleteLevel: PermissionLevel("None"), inquireLevel: PermissionLevel("All"))

    /// A tenant with one human member and a read-only scanner: nothing to find.
    /// - Parameters:
    ///   - adminAPIMember: Adds an active API member holding the Admin role (a critical finding).
    ///   - gap: Adds a failed read (the scan becomes incomplete).
    static func snapshot(adminAPIMember: Bool = false, gap: Bool = false) -> TenantSnapshot {
        var members = [Member(id: 1, identifier: "jdoe", firstName: "Jane", lastName: "Doe", licenseClass: "F",
                              securityRole: RoleReference(id: 2, name: "Technician"))]
        if adminAPIMember {
            members.append(Member(id: 5, identifier: "BadBot", licenseClass: "A",
                                  securityRole: RoleReference(id: 1, name: "Admin")))
        }
        let roles = [
            SecurityRole(id: 1, name: "Admin", adminFlag: true, settings: [readOnly]),
            SecurityRole(id: 2, name: "Technician", settings: [readOnly]),
        ]
        let gaps = gap ? [ReadGap(area: .integratorLogins, endpoint: "/system/integratorlogins", status: 403,
                                  detail: "403 Forbidden: the scanner's role may not read integrator logins")] : []
        return TenantSnapshot(source: SnapshotSource(site: "api-na.example.net", codebase: "v2025_1/",
                                                     apiVersion: "2025.8", capturedAt: capturedAt),
                              members: members, apiMembers: [], securityRoles: roles, integratorLogins: [],
                              scanner: ScannerSecurity(member: MemberReference(id: 1, identifier: "jdoe"),
                                                       settings: [readOnly]),
                              gaps: gaps)
    }

    /// Writes a snapshot to `directory/name`.
    static func write(_ snapshot: TenantSnapshot, in directory: URL, name: String = "snapshot.json") throws -> String {
        let url = directory.appendingPathComponent(name)
        try SnapshotStore.save(snapshot, to: url)
        return url.path
    }
}
