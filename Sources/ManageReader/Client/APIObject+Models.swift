import Foundation

/// Maps API records onto the snapshot model, keeping only the model's fields.
extension APIObject {
    func member() throws(ReaderError) -> Member {
        Member(id: try requiredInt("id"), identifier: try requiredString("identifier"), firstName: string("firstName"),
               lastName: string("lastName"), licenseClass: string("licenseClass"), inactiveFlag: bool("inactiveFlag"),
               securityRole: object("securityRole")?.roleReference(), adminFlag: bool("adminFlag"),
               lastLogin: string("lastLogin"), info: stringMap("_info"))
    }

    func apiMember() throws(ReaderError) -> APIMember {
        APIMember(id: try requiredInt("id"), identifier: try requiredString("identifier"), name: string("name"),
                  inactiveFlag: bool("inactiveFlag"), securityRole: object("securityRole")?.roleReference())
    }

    func securityRole() throws(ReaderError) -> SecurityRole {
        SecurityRole(id: try requiredInt("id"), name: try requiredString("name"), roleType: string("roleType"),
                     adminFlag: bool("adminFlag"), inactiveFlag: bool("inactiveFlag"))
    }

    func roleSetting() -> RoleSetting {
        RoleSetting(id: int("id"), moduleIdentifier: string("moduleIdentifier"), moduleName: string("moduleName"),
                    moduleFunctionIdentifier: string("moduleFunctionIdentifier"),
                    moduleFunctionName: string("moduleFunctionName"),
                    moduleDescription: string("moduleDescription"),
                    moduleFunctionDescription: string("moduleFunctionDescription"), addLevel: level("addLevel"),
                    editLevel: level("editLevel"), deleteLevel: level("deleteLevel"), inquireLevel: level("inquireLevel"))
    }

    func integratorLogin() throws(ReaderError) -> IntegratorLogin {
        IntegratorLogin(id: try requiredInt("id"), username: try requiredString("username"),
                        inactiveFlag: bool("inactiveFlag"), canAccessAllRecordsFlag: bool("canAccessAllRecordsFlag"),
                        canAccessAllApisFlag: bool("canAccessAllApisFlag"), member: object("member")?.memberReference())
    }

    /// A `/system/mySecurity` row: a settings row plus the calling member.
    func mySecurityRow() -> (setting: RoleSetting, member: MemberReference?) {
        (roleSetting(), object("member")?.memberReference())
    }

    func roleReference() -> RoleReference { RoleReference(id: int("id"), name: string("name")) }

    func memberReference() -> MemberReference {
        MemberReference(id: int("id"), identifier: string("identifier"), name: string("name"))
    }
}
