import Foundation

extension TenantSnapshot {
    /// A snapshot in which every optional field is set and every list holds one element: encoded
    /// through ``KeyCollectingEncoder`` it gives every key the format can write, at every position.
    ///
    /// Strict decoding walks a file against these keys. Building them from this small template
    /// rather than from the decoded snapshot keeps the check cheap for a 50,000-row file. The only
    /// keys that are data rather than format are those of a member's `_info` map: the caller passes
    /// the ones the decoded file holds. A test fails when a model field is added but not set here.
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
