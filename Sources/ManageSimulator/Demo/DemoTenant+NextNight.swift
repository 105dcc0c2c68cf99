import Foundation

extension DemoTenant {
    /// The demo tenant one night later, with one planted change of every kind `changes[]` reports,
    /// and two that must not be reported. Used by the nightly-recipe tests and the README example
    /// (`v360audit simulate --next-night` serves it).
    ///
    /// | change | kind | reported as |
    /// | --- | --- | --- |
    /// | API member `NewSync` (215) created on `API - Integrations` | apiMember | `added` (and a new unregistered-api-member finding) |
    /// | `cipp-webhook` (213) deleted | apiMember | `removed` |
    /// | `OldSync` (207) re-enabled | apiMember | `activated` |
    /// | `ZapierSync` (211) disabled | apiMember | `deactivated` |
    /// | `BackupAPI` (206) moved to `API - MSP360` | apiMember | `roleChanged` |
    /// | `API - Email reConnector` gains Delete `All` on Finance > Invoicing | rolePermission | None → All, members [V360API] |
    /// | `API - Read Only` (the scanner's role) loses Edit `My` on Service Tickets | rolePermission and scannerPermission | My → None |
    /// | `Power Users` gains Delete `All` on Finance > Billing Reconciliation (74 of 77 rows all-`All` now) | rolePermission | None → All, members [PowerSync]; a waiver pinned to PowerSync's admin-equivalent finding lapses |
    /// | integrator login `ticket-portal` switched to all APIs | integratorLogin | `accessChanged` |
    /// | integrator login `old-rmm` deleted | integratorLogin | `removed` |
    /// | `API - Email reConnector`'s `All` on Company Maintenance re-spelled ` all ` | — | nothing: same level |
    /// | `Finance` (held only by people) loses Invoicing | — | nothing: no API member holds it |
    public static let nextNight: TenantFixture = {
        var people = apiPeople.filter { $0.id != 213 }.map { person -> Person in
            var p = person
            switch p.id {
            case 207: p.inactive = false
            case 211: p.inactive = true
            case 206: p.role = Role.msp360
            default: break
            }
            return p
        }
        people.append(Person(id: 215, identifier: "NewSync", firstName: "New Sync", lastName: nil, licenseClass: "A",
                             role: Role.integrations, inactive: false))
        var settings = roleSettings
        settings[Role.emailReconnector] = settings[Role.emailReconnector]?.map { row in
            var row = row
            if matches(row, "Finance", "Invoicing") { row = setting(row, "deleteLevel", "All") }
            if matches(row, "Companies", "Company Maintenance") { row = setting(row, "inquireLevel", " all ") }
            return row
        }
        settings[Role.powerUsers] = settings[Role.powerUsers]?.map {
            matches($0, "Finance", "Billing Reconciliation") ? setting($0, "deleteLevel", "All") : $0
        }
        settings[Role.readOnly] = settings[Role.readOnly]?.map { matches($0, "Service Desk", "Service Tickets") ? setting($0, "editLevel", "None") : $0 }
        settings[Role.finance] = settings[Role.finance]?.map { row in
            matches(row, "Finance", "Invoicing") ? ["inquireLevel", "addLevel", "editLevel", "deleteLevel"].reduce(row) { setting($0, $1, "None") } : row
        }
        let logins = integratorLogins.compactMap { login -> JSONValue? in
            guard case .object(var fields) = login else { return login }
            switch fields["username"]?.stringValue {
            case "old-rmm": return nil
            case "ticket-portal":
                fields["canAccessAllApisFlag"] = true
                return .object(fields)
            default: return login
            }
        }
        return TenantFixture(
            companyName: fixture.companyName, credentials: credentials, scannerMemberIdentifier: fixture.scannerMemberIdentifier,
            members: (fullMembers + people).filter { !apiMemberOnlyIds.contains($0.id) }.sorted { $0.id < $1.id }.map(memberJSON),
            apiMembers: people.map(apiMemberJSON), securityRoles: securityRoles, roleSettings: settings,
            integratorLogins: logins)
    }()

    private static func matches(_ row: JSONValue, _ module: String, _ function: String) -> Bool {
        row["moduleName"]?.stringValue == module && row["moduleFunctionDescription"]?.stringValue == function
    }

    private static func setting(_ row: JSONValue, _ key: String, _ value: String) -> JSONValue {
        guard case .object(var fields) = row else { return row }
        fields[key] = .string(value)
        return .object(fields)
    }
}
