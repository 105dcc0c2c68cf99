import Foundation

/// A list the client reads: its path under `…/apis/3.0`, the area it fills, and the fields requested.
struct ListEndpoint: Sendable {
    /// The data area a failure leaves out.
    let area: DataArea
    /// The path under the API base, spelled as in the vendor spec (e.g. `/system/securityroles`).
    let path: String
    /// `fields=`: only what the model keeps, so pages stay small.
    let fields: [String]
    /// The role for a settings list.
    var roleId: Int? = nil

    static let settingsFields = ["id", "moduleIdentifier", "moduleName", "moduleDescription",
                                 "moduleFunctionIdentifier", "moduleFunctionName", "moduleFunctionDescription", "addLevel", "editLevel", "deleteLevel", "inquireLevel"]

    static let members = ListEndpoint(
        area: .members, path: "/system/members",
        fields: ["id", "identifier", "firstName", "lastName", "licenseClass", "inactiveFlag", "securityRole/id",
                 "securityRole/name", "adminFlag", "lastLogin", "_info"])
    static let apiMembers = ListEndpoint(
        area: .apiMembers, path: "/system/apiMembers",
        fields: ["id", "identifier", "name", "inactiveFlag", "securityRole/id", "securityRole/name"])
    static let securityRoles = ListEndpoint(
        area: .securityRoles, path: "/system/securityroles",
        fields: ["id", "name", "roleType", "adminFlag", "inactiveFlag"])
    static let integratorLogins = ListEndpoint(
        area: .integratorLogins, path: "/system/integratorlogins",
        fields: ["id", "username", "inactiveFlag", "canAccessAllRecordsFlag", "canAccessAllApisFlag", "member/id",
                 "member/identifier", "member/name"])
    static let mySecurity = ListEndpoint(
        area: .mySecurity, path: "/system/mySecurity",
        fields: settingsFields + ["member/id", "member/identifier", "member/name"])

    /// `/system/securityRoles/{id}/settings` (note the spec's camel case here).
    static func roleSettings(_ roleId: Int) -> ListEndpoint {
        ListEndpoint(area: .roleSettings, path: "/system/securityRoles/\(roleId)/settings", fields: settingsFields,
                     roleId: roleId)
    }

    /// The first page's URL.
    func firstPage(base: String, pageSize: Int) -> URL? {
        var components = URLComponents(string: base + path)
        components?.queryItems = [URLQueryItem(name: "fields", value: fields.joined(separator: ",")),
                                  URLQueryItem(name: "page", value: "1"),
                                  URLQueryItem(name: "pageSize", value: String(pageSize))]
        return components?.url
    }
}
