import Foundation

/// A list the client reads: its path under `…/apis/3.0`, the area it fills, and the fields requested.
struct ListEndpoint: Sendable {
    /// The data area a failure leaves out.
    let area: DataArea
    /// The path under the API base, spelled as in the vendor spec (e.g. `/system/securityroles`).
    let path: String
    /// `fields=`: only what the model keeps, so pages stay small: the model type's field table
    /// (``SnapshotField``) in table order.
    let fields: [String]
    /// The role for a settings list.
    var roleId: Int? = nil

    static let members = ListEndpoint(area: .members, path: "/system/members", fields: Member.snapshotFields.apiFields)
    static let apiMembers = ListEndpoint(area: .apiMembers, path: "/system/apiMembers",
                                         fields: APIMember.snapshotFields.apiFields)
    static let securityRoles = ListEndpoint(area: .securityRoles, path: "/system/securityroles",
                                            fields: SecurityRole.snapshotFields.apiFields)
    static let integratorLogins = ListEndpoint(area: .integratorLogins, path: "/system/integratorlogins",
                                               fields: IntegratorLogin.snapshotFields.apiFields)
    /// The scanner's rows: settings rows, each with the calling member.
    static let mySecurity = ListEndpoint(
        area: .mySecurity, path: "/system/mySecurity",
        fields: RoleSetting.snapshotFields.apiFields + ScannerSecurity.snapshotFields.apiFields)

    /// `/system/securityRoles/{id}/settings` (note the spec's camel case here).
    static func roleSettings(_ roleId: Int) -> ListEndpoint {
        ListEndpoint(area: .roleSettings, path: "/system/securityRoles/\(roleId)/settings", fields: settingsFields,
                     roleId: roleId)
    }

    /// Worked out once for the hundreds of roles of a large tenant.
    private static let settingsFields = RoleSetting.snapshotFields.apiFields

    /// The first page's URL.
    func firstPage(base: String, pageSize: Int) -> URL? {
        var components = URLComponents(string: base + path)
        components?.queryItems = [URLQueryItem(name: "fields", value: fields.joined(separator: ",")),
                                  URLQueryItem(name: "page", value: "1"),
                                  URLQueryItem(name: "pageSize", value: String(pageSize))]
        return components?.url
    }
}
