extension TenantFixture {
    /// Credentials of generated tenants.
    public static let generatedCredentials = SimulatorCredentials(
        companyId: "benchmsp", publicKey: "BenchPublicKey1", privateKey: "BenchPrivateKey1",
        clientId: "0f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b")

    /// A large synthetic tenant for benchmarks, built in well under a second.
    ///
    /// Members get ids 1…`members`; the last `apiMembers` of them are API members (licence class
    /// `A`, also listed in `/system/apiMembers`), the last of which is the scanner (identifier
    /// `scanner`) on a read-only role. Roles get ids 1…`roles` with `settingsPerRole` rows each;
    /// role 1 is `Admin`. Every 10th member is inactive. Levels cycle through `None`, `My`, `All`.
    public static func generated(members: Int, apiMembers: Int, roles: Int, settingsPerRole: Int, integratorLogins: Int) -> TenantFixture {
        let roleCount = max(1, roles)
        let apiCount = min(max(0, apiMembers), max(0, members))
        let levels: [JSONValue] = ["None", "My", "All"]
        let info: JSONValue = ["lastUpdated": "2026-01-01T00:00:00Z", "updatedBy": "generator"]
        let roleRef: (Int) -> JSONValue = { id in ["id": .int(id), "name": .string(id == 1 ? "Admin" : "Role \(id)")] }
        let scannerRole = roleCount >= 2 ? roleCount : 1

        var memberList: [JSONValue] = []
        var apiList: [JSONValue] = []
        memberList.reserveCapacity(members)
        apiList.reserveCapacity(apiCount)
        for id in 1...max(1, members) where members > 0 {
            let isAPI = id > members - apiCount
            let isScanner = isAPI && id == members
            let identifier: String = isScanner ? "scanner" : (isAPI ? "api\(id)" : "member\(id)")
            let role = isScanner ? scannerRole : (id % roleCount) + 1
            let inactive: JSONValue = .bool(id % 10 == 0 && !isScanner)
            var member: [String: JSONValue] = [
                "id": .int(id), "identifier": .string(identifier), "firstName": .string(isAPI ? "API" : "Member"),
                "lastName": .string("No. \(id)"), "licenseClass": isAPI ? "A" : "F", "inactiveFlag": inactive,
                "adminFlag": false, "securityRole": roleRef(role), "_info": info,
            ]
            ServerFilledFields.completeMember(&member, mailDomain: "generated-msp.example")
            memberList.append(.object(member))
            if isAPI {
                var apiMember: [String: JSONValue] = [
                    "id": .int(id), "identifier": .string(identifier), "name": .string("API No. \(id)"),
                    "inactiveFlag": inactive, "securityRole": roleRef(role), "_info": info,
                ]
                ServerFilledFields.completeAPIMember(&apiMember)
                apiList.append(.object(apiMember))
            }
        }

        var roleList: [JSONValue] = []
        var settings: [Int: [JSONValue]] = [:]
        for roleId in 1...roleCount {
            roleList.append([
                "id": .int(roleId), "name": .string(roleId == 1 ? "Admin" : "Role \(roleId)"), "roleType": "Custom",
                "adminFlag": .bool(roleId == 1), "inactiveFlag": false, "_info": info,
            ])
            var rows: [JSONValue] = []
            rows.reserveCapacity(settingsPerRole)
            for index in 0..<max(0, settingsPerRole) {
                let readOnly = roleId == scannerRole && roleId != 1
                let pick: (Int) -> JSONValue = { offset in
                    roleId == 1 ? "All" : (readOnly ? "None" : levels[(roleId + index + offset) % 3])
                }
                rows.append([
                    "id": .int(roleId * 100_000 + index + 1),
                    "inquireLevel": readOnly ? "All" : pick(0), "addLevel": pick(1), "editLevel": pick(2), "deleteLevel": pick(3),
                    "moduleIdentifier": .string("Module\(index / 10)"), "moduleName": .string("Module \(index / 10)"),
                    "moduleFunctionIdentifier": .string("Function\(index)"), "moduleFunctionName": .string("Function \(index)"),
                    "sortOrder": .int(index + 1), "_info": info,
                ])
            }
            settings[roleId] = rows
        }

        let logins: [JSONValue] = (0..<max(0, integratorLogins)).map { index in
            [
                "id": .int(index + 1), "username": .string("integrator\(index + 1)"),
                "canAccessAllRecordsFlag": .bool(index % 7 == 0), "canAccessAllApisFlag": .bool(index % 5 == 0),
                "inactiveFlag": .bool(index % 3 == 0), "_info": info,
            ]
        }
        return TenantFixture(
            companyName: "Generated MSP", credentials: generatedCredentials,
            scannerMemberIdentifier: apiCount > 0 ? "scanner" : "member\(max(1, members))",
            members: memberList, apiMembers: apiList, securityRoles: roleList, roleSettings: settings,
            integratorLogins: logins)
    }
}
