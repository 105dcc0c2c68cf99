extension DemoTenant {
    /// A demo member row before it becomes API JSON.
    struct Person: Sendable {
        var id: Int
        var identifier: String
        var firstName: String
        var lastName: String?
        var licenseClass: String
        var role: Int
        /// `nil` is served as JSON null (meaning active, per docs/design.md).
        var inactive: Bool?
        var title: String? = nil
        var lastLogin: String? = nil
    }

    static let fullMembers: [Person] = [
        Person(id: 101, identifier: "jsmith", firstName: "Jane", lastName: "Smith", licenseClass: "F", role: Role.admin, inactive: false, title: "Owner", lastLogin: "2026-10-31T17:02:11Z"),
        Person(id: 102, identifier: "v360", firstName: "Visionary", lastName: "360 Consultant", licenseClass: "F", role: Role.admin, inactive: false, title: "Vendor consultant"),
        Person(id: 103, identifier: "kobrien", firstName: "Kevin", lastName: "O'Brien", licenseClass: "F", role: Role.technician, inactive: false, title: "Service Lead", lastLogin: "2026-10-31T08:15:40Z"),
        Person(id: 104, identifier: "asmithjones", firstName: "Alex", lastName: "Smith | Jones", licenseClass: "F", role: Role.technician, inactive: nil, title: "Technician"),
        Person(id: 105, identifier: "znguyen", firstName: "Zoë 🚀", lastName: "Nguyen", licenseClass: "F", role: Role.technician, inactive: false, title: "Technician"),
        Person(id: 106, identifier: "pstar", firstName: "Pat", lastName: "*Star* <b>Dev</b> `x`", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 107, identifier: "mgarcia", firstName: "María", lastName: "García-López", licenseClass: "F", role: Role.finance, inactive: false, title: "Controller"),
        Person(id: 108, identifier: "tchen", firstName: "Tom", lastName: "Chen", licenseClass: "F", role: Role.finance, inactive: false),
        Person(id: 109, identifier: "rpatel", firstName: "Ravi", lastName: "Patel", licenseClass: "F", role: Role.sales, inactive: false, title: "Account Manager"),
        Person(id: 110, identifier: "lmueller", firstName: "Lena", lastName: "Müller", licenseClass: "F", role: Role.sales, inactive: false),
        Person(id: 111, identifier: "dkim", firstName: "Daniel", lastName: "Kim", licenseClass: "F", role: Role.technician, inactive: true, title: "Former technician"),
        Person(id: 112, identifier: "sowens", firstName: "Sarah", lastName: "Owens", licenseClass: "F", role: Role.powerUsers, inactive: false, title: "Operations Manager"),
        Person(id: 113, identifier: "bwright", firstName: "Ben", lastName: "Wright", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 114, identifier: "cdubois", firstName: "Claire", lastName: "Dubois", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 115, identifier: "hsato", firstName: "Hiro", lastName: "Sato", licenseClass: "F", role: Role.technician, inactive: nil),
        Person(id: 116, identifier: "omalley", firstName: "Orla", lastName: "O'Malley", licenseClass: "F", role: Role.technician, inactive: true),
        Person(id: 117, identifier: "jdoe", firstName: "John", lastName: nil, licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 118, identifier: "aiyer", firstName: "Anita", lastName: "Iyer", licenseClass: "F", role: Role.finance, inactive: false),
        Person(id: 119, identifier: "fberg", firstName: "Frida", lastName: "Berg", licenseClass: "F", role: Role.sales, inactive: true),
        Person(id: 120, identifier: "wjohnson", firstName: "Will", lastName: "Johnson", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 121, identifier: "nrossi", firstName: "Nico", lastName: "Rossi", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 122, identifier: "ekowalski", firstName: "Ewa", lastName: "Kowalski", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 123, identifier: "gadeyemi", firstName: "Grace", lastName: "Adeyemi", licenseClass: "F", role: Role.sales, inactive: false),
        Person(id: 124, identifier: "contractor1", firstName: "Sam", lastName: "Field (Contractor)", licenseClass: "X", role: Role.technician, inactive: false),
        Person(id: 125, identifier: "mlee", firstName: "Min", lastName: "Lee", licenseClass: "F", role: Role.technician, inactive: false),
        Person(id: 126, identifier: "ptaylor", firstName: "Paul", lastName: "Taylor", licenseClass: "F", role: Role.finance, inactive: false),
        Person(id: 127, identifier: "rhughes", firstName: "Rosa", lastName: "Hughes", licenseClass: "F", role: Role.technician, inactive: false),
    ]

    /// API members (`licenseClass` A). `cipp-webhook` (213) is deliberately absent from
    /// `/system/members` and appears only in `/system/apiMembers`.
    static let apiPeople: [Person] = [
        Person(id: 201, identifier: "V360API", firstName: "Email reConnector", lastName: nil, licenseClass: "A", role: Role.emailReconnector, inactive: false),
        Person(id: 202, identifier: "cipp-api", firstName: "CIPP", lastName: nil, licenseClass: "A", role: Role.cipp, inactive: false),
        Person(id: 203, identifier: "AdminSync", firstName: "Legacy Admin Sync", lastName: nil, licenseClass: "A", role: Role.admin, inactive: false),
        Person(id: 204, identifier: "PowerSync", firstName: "Power Sync", lastName: nil, licenseClass: "A", role: Role.powerUsers, inactive: nil),
        Person(id: 205, identifier: "Integrations", firstName: "Shared Integrations", lastName: nil, licenseClass: "A", role: Role.integrations, inactive: false),
        Person(id: 206, identifier: "BackupAPI", firstName: "Backup", lastName: nil, licenseClass: "A", role: Role.backup, inactive: false),
        Person(id: 207, identifier: "OldSync", firstName: "Old Sync", lastName: nil, licenseClass: "A", role: Role.backup, inactive: true),
        Person(id: 208, identifier: "RMMSync", firstName: "RMM Sync", lastName: nil, licenseClass: "A", role: Role.msp360, inactive: false),
        Person(id: 209, identifier: "PortalSync", firstName: "Passportal", lastName: nil, licenseClass: "A", role: Role.passportal, inactive: false),
        Person(id: 210, identifier: "msp360-api", firstName: "MSP360 Backup", lastName: nil, licenseClass: "A", role: Role.msp360, inactive: false),
        Person(id: 211, identifier: "ZapierSync", firstName: "Zapier", lastName: nil, licenseClass: "A", role: Role.technician, inactive: false),
        Person(id: 212, identifier: "v360audit", firstName: "v360audit scanner", lastName: nil, licenseClass: "A", role: Role.readOnly, inactive: false),
        Person(id: 213, identifier: "cipp-webhook", firstName: "CIPP Webhooks", lastName: nil, licenseClass: "A", role: Role.cipp, inactive: false),
        Person(id: 214, identifier: "HuduSync", firstName: "Hudu", lastName: nil, licenseClass: "A", role: Role.hudu, inactive: false),
    ]

    static let apiMemberOnlyIds: Set<Int> = [213]

    private static func roleReference(_ id: Int) -> JSONValue {
        ["id": .int(id), "name": .string(roleName(id)), "_info": ["securityRole_href": .string("\(hrefBase)/system/securityroles/\(id)")]]
    }

    private static let hrefBase = ServerFilledFields.hrefBase

    private static let info: JSONValue = ["lastUpdated": "2026-09-01T12:00:00Z", "updatedBy": "jsmith"]

    /// The `/system/members` object (schema `Member`) of a person.
    static func memberJSON(_ p: Person) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .int(p.id), "identifier": .string(p.identifier), "firstName": .string(p.firstName),
            "licenseClass": .string(p.licenseClass), "inactiveFlag": p.inactive.map(JSONValue.bool) ?? .null,
            "securityRole": roleReference(p.role), "adminFlag": p.role == Role.admin ? true : (p.id % 3 == 0 ? nil : false),
            "hireDate": "2021-04-01T00:00:00Z", "officeEmail": .string("\(p.identifier.lowercased())@demo-msp.example"),
            "defaultEmail": "Office", "defaultPhone": "Office",
            "timebasedOneTimePasswordActivated": .bool(p.licenseClass != "A" && p.id % 4 != 0),
            "authenticationServiceType": p.licenseClass == "A" ? nil : (p.id % 4 == 0 ? nil : "GoogleAuthenticator"),
            "enableLdapAuthenticationFlag": false, "_info": info,
        ]
        if let lastName = p.lastName { fields["lastName"] = .string(lastName) }
        if let title = p.title { fields["title"] = .string(title) }
        if let lastLogin = p.lastLogin { fields["lastLogin"] = .string(lastLogin) }
        if p.inactive == true { fields["inactiveDate"] = "2025-06-30T00:00:00Z" }
        if p.licenseClass == "F", p.id != 101 {
            fields["reportsTo"] = ["id": 101, "identifier": "jsmith", "name": "Jane Smith", "_info": ["member_href": .string("\(hrefBase)/system/members/101")]]
        }
        ServerFilledFields.completeMember(&fields, mailDomain: "demo-msp.example")
        return .object(fields)
    }

    /// The `/system/apiMembers` object (schema `ApiMember`) of an API person.
    static func apiMemberJSON(_ p: Person) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .int(p.id), "identifier": .string(p.identifier), "name": .string(p.firstName),
            "emailAddress": "noreply@demo-msp.example", "inactiveFlag": p.inactive.map(JSONValue.bool) ?? .null,
            "securityRole": roleReference(p.role), "excludedServiceBoardIds": [],
            "blockPriceFlag": true, "blockCostFlag": .bool(p.id % 2 == 0), "_info": info,
        ]
        if p.inactive == true { fields["inactiveDate"] = "2025-06-30T00:00:00Z" }
        if p.id == 201 { fields["notes"] = "Key for Visionary 360 Email reConnector; owner secops@demo-msp.example" }
        ServerFilledFields.completeAPIMember(&fields)
        return .object(fields)
    }
}
