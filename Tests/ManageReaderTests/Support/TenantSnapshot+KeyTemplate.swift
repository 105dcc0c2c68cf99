import Foundation
@testable import ManageReader

extension TenantSnapshot {
    /// A snapshot in which every optional field is set and every list holds one element, so its
    /// encoding holds every key of the format at every position: the value the field-table tests
    /// (`SnapshotFieldTableTests`) and the codec tests write, read and compare.
    ///
    /// `KeyTemplateTests` fails when a model field is added but left unset here. The only keys that
    /// are data rather than format are those of a member's `info` map: the caller chooses them.
    static func keyTemplate(infoKeys: Set<String>) -> TenantSnapshot {
        let role = RoleReference(id: 1, name: "")
        let member = MemberReference(id: 1, identifier: "", name: "")
        let setting = RoleSetting(id: 1, moduleIdentifier: "", moduleName: "", moduleFunctionIdentifier: "",
                                  moduleFunctionName: "", moduleDescription: "",
                                  moduleFunctionDescription: "", addLevel: .init(""), editLevel: .init(""),
                                  deleteLevel: .init(""), inquireLevel: .init(""))
        return TenantSnapshot(
            source: SnapshotSource(site: "", codebase: "", apiVersion: "", capturedAt: Date(timeIntervalSince1970: 0)),
            members: [Member(id: 1, identifier: "", firstName: "", lastName: "", licenseClass: "", inactiveFlag: false,
                             securityRole: role, adminFlag: false, lastLogin: "",
                             info: Dictionary(uniqueKeysWithValues: infoKeys.map { ($0, "") }))],
            apiMembers: [APIMember(id: 1, identifier: "", name: "", inactiveFlag: false, securityRole: role)],
            securityRoles: [SecurityRole(id: 1, name: "", roleType: "", adminFlag: false, inactiveFlag: false,
                                         settings: [setting])],
            integratorLogins: [IntegratorLogin(id: 1, username: "", inactiveFlag: false, canAccessAllRecordsFlag: false,
                                               canAccessAllApisFlag: false, member: member)],
            scanner: ScannerSecurity(member: member, settings: [setting]),
            gaps: [ReadGap(area: .members, endpoint: "", status: 1, roleId: 1, detail: "")]
        )
    }
}
