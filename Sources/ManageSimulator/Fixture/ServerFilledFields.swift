/// Properties a real ConnectWise server fills on every member and API member it returns, added to
/// the tenants built in Swift (``DemoTenant``, ``TenantFixture/generated(members:apiMembers:roles:settingsPerRole:integratorLogins:)``)
/// so that a read without `fields=` looks like a real server's answer.
///
/// Why: client libraries generated from the vendor's OpenAPI spec refuse an object that lacks a
/// property the spec marks `required` (for `Member`: `identifier`, `licenseClass`, `firstName`,
/// `lastName`, `hireDate`, `defaultEmail`, `defaultPhone`, `securityRole`), and those generated from
/// earlier spec versions also refuse a member without `agreementInvoicingDisplayOptions`,
/// `invoiceScreenDefaultTabFormat` and `invoicingDisplayOptions`. Values come from the schema's
/// enums; reference objects have the `{id, name, _info}` shape of the API reference's example
/// (`reference/connectwise-manage-api.md` §3.1, §3.7).
///
/// Only absent keys are added, so a value a tenant sets on purpose (a null, an odd name) is kept.
/// None of these properties is one the reader requests with `fields=`, so what a scan reads (and
/// every report) is the same with or without them.
enum ServerFilledFields {
    /// The API base that `_href` links name (the cloud host of the reference's examples).
    static let hrefBase = "https://api-na.myconnectwise.net/v2025_1/apis/3.0"

    /// Adds the properties every member carries: the required ones a Swift-built tenant may leave
    /// out, the invoicing and screen enums, the organisational references and the flags a new
    /// member gets. `identifier`, `firstName`, `lastName`, `licenseClass` and `securityRole` are the
    /// tenant's to set (they carry the demo's cases); they are never invented here.
    /// - Parameter mailDomain: the domain of the office e-mail address (`defaultEmail` is `Office`).
    static func completeMember(_ fields: inout [String: JSONValue], mailDomain: String) {
        let identifier = fields["identifier"]?.stringValue?.lowercased() ?? "member"
        fill(&fields, [
            "hireDate": "2021-04-01T00:00:00Z",
            "defaultEmail": "Office",
            "defaultPhone": "Office",
            "officeEmail": .string("\(identifier)@\(mailDomain)"),
            "agreementInvoicingDisplayOptions": "RemainOnInvoicingScreen",
            "invoiceScreenDefaultTabFormat": "ShowInvoicingTab",
            "invoicingDisplayOptions": "RemainOnInvoicingScreen",
            "companyActivityTabFormat": "SummaryList",
            "invoiceTimeTabFormat": "SummaryList",
            "globalSearchDefaultTicketFilter": "OpenRecords",
            "globalSearchDefaultSort": "None",
            "disableOnlineFlag": false,
            "enableMobileFlag": false,
            "enableMobileGpsFlag": false,
            "partnerPortalFlag": false,
            "restrictLocationFlag": false,
            "restrictDepartmentFlag": false,
            "hideMemberInDispatchPortalFlag": false,
            "dailyCapacity": .double(8),
            "excludedServiceBoardIds": [],
            "teams": [],
        ])
        fill(&fields, organisation)
    }

    /// Adds the properties every API member carries: its organisational references (the
    /// `ApiMember` schema requires only `identifier`, which the tenant sets).
    static func completeAPIMember(_ fields: inout [String: JSONValue]) {
        fill(&fields, ["excludedServiceBoardIds": [], "blockPriceFlag": true, "blockCostFlag": true])
        fill(&fields, organisation)
    }

    /// Level, location, department and time zone: one corporate office, as in the reference's member example.
    private static let organisation: [String: JSONValue] = [
        "structureLevel": reference(1, "Corporate", link: "structureLevel_href", path: "/system/reportingStructureLevels/1"),
        "securityLocation": reference(2, "Head Office", link: "location_href", path: "/system/locations/2"),
        "defaultLocation": reference(2, "Head Office", link: "location_href", path: "/system/locations/2"),
        "defaultDepartment": [
            "id": 10, "identifier": "Services", "name": "Services",
            "_info": ["department_href": .string("\(hrefBase)/system/departments/10")],
        ],
        "timeZone": reference(1, "Eastern Standard Time", link: "timeZoneSetup_href", path: "/system/timeZoneSetups/1"),
    ]

    private static func reference(_ id: Int, _ name: String, link: String, path: String) -> JSONValue {
        ["id": .int(id), "name": .string(name), "_info": [link: .string(hrefBase + path)]]
    }

    private static func fill(_ fields: inout [String: JSONValue], _ defaults: [String: JSONValue]) {
        for (key, value) in defaults where fields[key] == nil { fields[key] = value }
    }
}
