import Foundation

/// The built-in demo tenant: about 40 members and 14 roles of a fictional MSP, built so that the
/// bundled rule pack fires every rule of docs/design.md's table at least once (`scan --demo` exits 1),
/// while several members and keys pass cleanly.
///
/// Which member or key triggers which rule (capture date 2026-11-01; "key" = register entry):
///
/// | resource | role / data | rules it triggers |
/// | --- | --- | --- |
/// | `AdminSync` (203, API) | role `Admin` (adminFlag true); key registered as `adminsync` (case differs) | api-member-admin-role, api-member-overbroad-role (key: passportal) |
/// | `PowerSync` (204, API) | role `Power Users`: 73 of 77 rows all-`All`, adminFlag false; inactiveFlag null (= active) | api-member-admin-equivalent-role, api-member-overbroad-role (key: cipp), api-member-privilege-escalation, api-member-reads-stored-passwords |
/// | `Integrations` (205, API) | keys of passportal + cipp; role adds `All` on Finance > Invoicing, Accounting Interface | shared-api-member, shared-member-overbroad-role |
/// | `BackupAPI` (206, API) | one msp360 key; role adds `All` on System > Member Maintenance, Security Roles | api-member-overbroad-role, api-member-privilege-escalation (requestedBy: none) |
/// | `PortalSync` (209), `Integrations` (205) | Passportal's published list asks for All on Member Maintenance | api-member-privilege-escalation (requestedBy: passportal) |
/// | `HuduSync` (214, API) | one hudu key; Hudu's list asks for inquire on Configuration - Display Passwords | api-member-reads-stored-passwords (requestedBy: hudu) |
/// | key `BackupAPI` / "MSP360 Backup (2024)" | created 2024-09-15 (777 days) | stale-api-key |
/// | key `GoneAPI` / "Backup (old tenant)" | no such member | orphaned-api-key (member-missing) |
/// | key `OldSync` / "Passportal (old)" | member 207 inactive | orphaned-api-key (member-inactive) |
/// | key `RMMSync` / "MSP360 RMM (removed)" | retired: true, member 208 active | orphaned-api-key (tool-retired) |
/// | key `msp360-api` / "MSP360 Backup" | older of two msp360 keys on member 210 | orphaned-api-key (duplicate) |
/// | `ZapierSync` (211, API) | active, no key in the register (role Technician, shared with humans) | unregistered-api-member |
/// | `v360audit` (212, API) | the scanner; not in the register; role `API - Read Only` edits Service Tickets (`My`) | scanner-key-not-read-only, unregistered-api-member |
/// | integrator login `legacy-sync` (1) | active, canAccessAllApisFlag | integrator-login-all-access |
/// | integrator login `old-rmm` (2) | canAccessAllRecordsFlag but inactive | nothing (inactive) |
/// | `V360API` (201), `cipp-api` (202), `PortalSync` (209), `msp360-api` (210), `cipp-webhook` (213), `HuduSync` (214) | one tool each, role = that tool's needs (V360API declares `features: [activities]`, so ErC's optional user-import row is not granted) | nothing: each role grants exactly its tool profile (`rules/tools/*.yml`, mirrored in `DemoTenant+Roles.swift`) |
/// | tool profile `passportal` | its row System > Security is not a function of this PSA (which has Security Roles) | a coverage caveat naming the row |
/// | key `cipp-webhook` / "CIPP webhooks" | no `created` | stale-api-key not evaluated |
///
/// Checked with `v360audit scan --demo`: every rule above fires, the clean rows pass. The settings
/// list the 77 functions of ConnectWise's role matrix; Companies > Configuration - Display Passwords
/// is served with `moduleFunctionName` cut to 10 characters (as client libraries cap it), the label
/// only in `moduleFunctionDescription`.
/// Also: `cipp-webhook` (213) exists only in `/system/apiMembers`; role `Legacy Reporting` (10) is
/// held by nobody; full members carry punctuation, Markdown, an emoji and nulls in their names.
public enum DemoTenant {
    /// The demo's fake credentials (not secrets, but handled as if they were).
    public static let credentials = SimulatorCredentials(
        companyId: "demomsp", publicKey: "DemoPub4Key0001", privateKey: "dEmOpRiVaTeKeY42",
        clientId: "5d1f6c3e-0b7a-4c2e-9f8d-3a6b2c1e4f70")

    /// The fixed capture time of the demo, 2026-11-01T06:00:00Z, so demo reports are reproducible.
    public static let capturedAt = Date(timeIntervalSince1970: 1_793_512_800)

    /// The demo tenant fixture.
    public static let fixture: TenantFixture = TenantFixture(
        companyName: "Demo MSP (v360audit)",
        credentials: credentials,
        scannerMemberIdentifier: "v360audit",
        members: (fullMembers + apiPeople).filter { !apiMemberOnlyIds.contains($0.id) }.sorted { $0.id < $1.id }.map(memberJSON),
        apiMembers: apiPeople.map(apiMemberJSON),
        securityRoles: securityRoles,
        roleSettings: roleSettings,
        integratorLogins: integratorLogins)

    static let integratorLogins: [JSONValue] = {
        let login: (Int, String, Bool, Bool, Bool) -> JSONValue = { id, username, allRecords, allApis, inactive in
            var fields: [String: JSONValue] = [
                "id": .int(id), "username": .string(username), "canAccessAllRecordsFlag": .bool(allRecords),
                "canAccessAllApisFlag": .bool(allApis), "inactiveFlag": .bool(inactive),
                "serviceTicketApiFlag": true, "memberApiFlag": .bool(allApis), "systemApiFlag": .bool(allApis),
                "reportingApiFlag": false, "companyApiFlag": true, "configurationApiFlag": false,
                "_info": ["lastUpdated": "2024-02-11T10:00:00Z", "updatedBy": "jsmith"],
            ]
            if inactive { fields["dateInactivated"] = "2025-01-31T00:00:00Z" }
            return .object(fields)
        }
        return [
            login(1, "legacy-sync", false, true, false),
            login(2, "old-rmm", true, false, true),
            login(3, "ticket-portal", false, false, false),
        ]
    }()
}
