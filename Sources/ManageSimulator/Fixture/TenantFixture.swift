/// A tenant the simulator serves: raw, API-shaped JSON objects exactly as ConnectWise Manage
/// returns them (field names and types of the vendor's OpenAPI schemas), plus the fake
/// credentials the server accepts.
///
/// It never uses ManageReader types, on purpose: a shared model would let a misspelt field pass on
/// both sides. Build one in code (all properties are public), load one from a file with
/// ``load(from:)`` (format in `Sources/ManageSimulator/README.md`), use ``DemoTenant/fixture``, or
/// make a large one with ``generated(members:apiMembers:roles:settingsPerRole:integratorLogins:)``.
///
/// File format (`v360audit-tenant-fixture/1`), a JSON object with exactly these keys:
/// ```
/// { "format": "v360audit-tenant-fixture/1",
///   "companyName": "Demo MSP",                      // companyinfo's CompanyName
///   "credentials": { "companyId": "…", "publicKey": "…", "privateKey": "…", "clientId": "…" },
///   "scannerMemberIdentifier": "v360audit",          // whose role /system/mySecurity returns
///   "systemInfo": { … },                              // optional: the /system/info object
///   "members": [ Member… ], "apiMembers": [ ApiMember… ], "securityRoles": [ SecurityRole… ],
///   "roleSettings": { "<role id>": [ SecurityRoleSetting… ] },
///   "integratorLogins": [ IntegratorLogin… ] }
/// ```
/// Every listed object needs an integer `id` unique in its list; members and API members need a
/// string `identifier`, roles a string `name`. Other fields are served as they are.
public struct TenantFixture: Sendable, Equatable {
    /// The `format` value of fixture files this version reads.
    public static let formatIdentifier = "v360audit-tenant-fixture/1"

    /// `CompanyName` in `/login/companyinfo`.
    public var companyName: String
    /// The credentials the server accepts (company id, public and private key, client id).
    public var credentials: SimulatorCredentials
    /// The identifier of the member the credentials belong to; `/system/mySecurity` serves its role.
    public var scannerMemberIdentifier: String
    /// The `/system/info` object.
    public var systemInfo: JSONValue
    /// `/system/members` objects (schema `Member`).
    public var members: [JSONValue]
    /// `/system/apiMembers` objects (schema `ApiMember`).
    public var apiMembers: [JSONValue]
    /// `/system/securityroles` objects (schema `SecurityRole`).
    public var securityRoles: [JSONValue]
    /// `/system/securityRoles/{id}/settings` rows (schema `SecurityRoleSetting`) by role id. A role
    /// listed in ``securityRoles`` without an entry here has no rows; an id in neither is a 404.
    public var roleSettings: [Int: [JSONValue]]
    /// `/system/integratorlogins` objects.
    public var integratorLogins: [JSONValue]

    /// Creates a fixture from raw API objects.
    public init(
        companyName: String,
        credentials: SimulatorCredentials,
        scannerMemberIdentifier: String,
        systemInfo: JSONValue = TenantFixture.defaultSystemInfo,
        members: [JSONValue],
        apiMembers: [JSONValue],
        securityRoles: [JSONValue],
        roleSettings: [Int: [JSONValue]],
        integratorLogins: [JSONValue]
    ) {
        self.companyName = companyName
        self.credentials = credentials
        self.scannerMemberIdentifier = scannerMemberIdentifier
        self.systemInfo = systemInfo
        self.members = members
        self.apiMembers = apiMembers
        self.securityRoles = securityRoles
        self.roleSettings = roleSettings
        self.integratorLogins = integratorLogins
    }

    /// A `/system/info` object in the shape of the SDK's `Info` model.
    public static let defaultSystemInfo: JSONValue = [
        "version": "v2025.1.101462",
        "isCloud": false,
        "serverTimeZone": "Eastern Standard Time",
        "licenseBits": [["name": "Core", "activeFlag": true]],
        "cloudRegion": nil,
        "maxWorkFlowRecordsAllowed": 1000,
    ]

    // MARK: - Derived views used by the router

    /// The scanner's member object (from `/system/members`, else `/system/apiMembers`), matched
    /// case-insensitively on `identifier`.
    var scannerMember: JSONValue? {
        let wanted = scannerMemberIdentifier.lowercased()
        let matches: (JSONValue) -> Bool = { $0["identifier"]?.stringValue?.lowercased() == wanted }
        return members.first(where: matches) ?? apiMembers.first(where: matches)
    }

    /// The rows of `/system/mySecurity`: the scanner role's settings, each with a `member` reference.
    var mySecurityRows: [JSONValue] {
        guard let member = scannerMember, let roleId = member.value(atPath: "securityRole/id")?.intValue else { return [] }
        var reference: [String: JSONValue] = [:]
        reference["id"] = member["id"] ?? .null
        reference["identifier"] = member["identifier"] ?? .null
        if let name = member["name"] { reference["name"] = name } else {
            let first = member["firstName"]?.stringValue ?? ""
            let last = member["lastName"]?.stringValue ?? ""
            reference["name"] = .string("\(first) \(last)".trimmingSpaces)
        }
        reference["_info"] = ["member_href": .string("/system/members/\(member["id"]?.intValue ?? 0)")]
        return (roleSettings[roleId] ?? []).map { row in
            guard case .object(var fields) = row else { return row }
            fields["member"] = .object(reference)
            return .object(fields)
        }
    }

    /// Whether a role id is known: listed as a role, or given settings.
    func hasRole(_ id: Int) -> Bool {
        roleSettings[id] != nil || securityRoles.contains { $0["id"]?.intValue == id }
    }
}
