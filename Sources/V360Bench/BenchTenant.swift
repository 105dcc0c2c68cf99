import Foundation
import ManageSimulator

/// The tenant docs/design.md's performance targets describe, with its inputs: 5,000 members (400 API
/// members, the last one the scanner), 300 roles × 150 settings rows, 50 integrator logins, 25 tool
/// profiles and a register of about 470 keys (most API members hold 1–3 tools). Deterministic: no
/// randomness, so every run measures the same work.
struct BenchTenant {
    static let memberCount = 5000, apiMemberCount = 400, roleCount = 300, rowCount = 150, loginCount = 50
    static let profileCount = 25

    /// The fixture the simulator serves.
    let fixture: TenantFixture
    /// `tools/<id>.yml` texts for a `--rules` directory.
    let profiles: [(id: String, yaml: String)]
    /// The key register.
    let registerYAML: String
    /// Number of register entries.
    let keyCount: Int

    /// Module and function names of row `k` (ten functions per module, with descriptions).
    static func names(_ k: Int) -> (module: String, function: String) {
        ("Module \(k / 10)", "Function \(k)")
    }

    /// The rows profile `p` lists: 6–20 functions, some marked as a feature.
    static func profileRows(_ p: Int) -> [(k: Int, levels: [String], feature: String?)] {
        let count = 6 + (p * 7) % 15
        return (0..<count).map { i in
            let k = (p * 11 + i * 7) % rowCount
            let levels = ["All", i % 2 == 0 ? "All" : "None", i % 3 == 0 ? "All" : "None", "None"]
            return (k, levels, i == count - 1 && p % 3 == 0 ? "extra" : nil)
        }
    }

    init() {
        var profiles: [(String, String)] = []
        for p in 0..<Self.profileCount {
            var lines = ["id: tool-\(p)", "name: Tool \(p)", "vendor: Vendor \(p)",
                         "source: https://vendor\(p).example/connectwise-role", "verified: \(p % 4 != 0)",
                         "notes: Generated for the benchmark.", "permissions:"]
            for row in Self.profileRows(p) {
                let (module, function) = Self.names(row.k)
                lines.append("  - { module: \(module), function: \(function), inquire: \(row.levels[0]), add: \(row.levels[1]), "
                             + "edit: \(row.levels[2]), delete: \(row.levels[3])" + (row.feature.map { ", feature: \($0)" } ?? "") + " }")
            }
            profiles.append(("tool-\(p)", lines.joined(separator: "\n") + "\n"))
        }
        self.profiles = profiles

        let info: JSONValue = ["lastUpdated": "2026-01-01T00:00:00Z", "updatedBy": "generator"]
        let roleName: (Int) -> String = { $0 == 1 ? "Admin" : "Role \($0)" }
        let scannerRole = Self.roleCount
        var members: [JSONValue] = [], apiMembers: [JSONValue] = []
        var register = ["keys:"]
        for id in 1...Self.memberCount {
            let apiIndex = id - (Self.memberCount - Self.apiMemberCount)
            let isAPI = apiIndex > 0, isScanner = id == Self.memberCount
            let identifier = isScanner ? "scanner" : (isAPI ? "api\(id)" : "member\(id)")
            let role = isScanner ? scannerRole : (isAPI ? 2 + apiIndex % 250 : 1 + id % (Self.roleCount - 1))
            let roleRef: JSONValue = ["id": .int(role), "name": .string(roleName(role))]
            let inactive: JSONValue = .bool(id % 10 == 0 && !isScanner)
            members.append([
                "id": .int(id), "identifier": .string(identifier), "firstName": .string(isAPI ? "API" : "Member"),
                "lastName": .string("No. \(id)"), "licenseClass": isAPI ? "A" : "F", "inactiveFlag": inactive,
                "adminFlag": false, "securityRole": roleRef, "lastLogin": "2026-10-01T08:00:00Z", "_info": info,
            ])
            guard isAPI else { continue }
            apiMembers.append(["id": .int(id), "identifier": .string(identifier), "name": .string("API No. \(id)"),
                               "inactiveFlag": inactive, "securityRole": roleRef, "_info": info])
            guard !isScanner else { continue }
            // Most members hold one tool; every sixth a second, every fiftieth a third.
            let tools = 1 + (apiIndex % 6 == 0 ? 1 : 0) + (apiIndex % 50 == 0 ? 1 : 0)
            for t in 0..<tools {
                let month = 1 + (apiIndex + t) % 12
                register.append("  - {member: \(identifier), description: Key \(apiIndex)-\(t), tool: tool-\((apiIndex + t * 7) % Self.profileCount), "
                                + "owner: ops@msp.example, created: \(2024 + apiIndex % 3)-\(month < 10 ? "0" : "")\(month)-15"
                                + (apiIndex % 9 == 0 ? ", features: [extra]" : "") + "}")
            }
        }
        registerYAML = register.joined(separator: "\n") + "\n"
        keyCount = register.count - 1

        var roles: [JSONValue] = []
        var settings: [Int: [JSONValue]] = [:]
        let levels: [JSONValue] = ["None", "None", "All", "My", "None", "All"]
        for roleId in 1...Self.roleCount {
            roles.append(["id": .int(roleId), "name": .string(roleName(roleId)), "roleType": "Custom",
                          "adminFlag": .bool(roleId == 1), "inactiveFlag": false, "_info": info])
            settings[roleId] = (0..<Self.rowCount).map { k in
                let (module, function) = Self.names(k)
                let pick: (Int) -> JSONValue = { offset in
                    if roleId == 1 { return "All" }
                    if roleId == scannerRole { return offset == 0 ? "All" : "None" }
                    return levels[(roleId * 3 + k * 5 + offset * 7) % levels.count]
                }
                return [
                    "id": .int(roleId * 1000 + k), "inquireLevel": pick(0), "addLevel": pick(1), "editLevel": pick(2),
                    "deleteLevel": pick(3), "moduleIdentifier": .string("M\(k / 10)"), "moduleName": .string(module),
                    "moduleDescription": .string(module), "moduleFunctionIdentifier": .string("F\(k)"),
                    "moduleFunctionName": .string(function), "moduleFunctionDescription": .string(function),
                    "myAllFlag": true, "reportFlag": false, "restrictFlag": false, "customFlag": false,
                    "sortOrder": .int(k + 1), "_info": info,
                ]
            }
        }
        let logins: [JSONValue] = (1...Self.loginCount).map { i in
            ["id": .int(i), "username": .string("integrator\(i)"), "canAccessAllRecordsFlag": .bool(i % 7 == 0),
             "canAccessAllApisFlag": .bool(i % 5 == 0), "inactiveFlag": .bool(i % 3 == 0), "_info": info]
        }
        fixture = TenantFixture(companyName: "Benchmark MSP", credentials: TenantFixture.generatedCredentials,
                                scannerMemberIdentifier: "scanner", members: members, apiMembers: apiMembers,
                                securityRoles: roles, roleSettings: settings, integratorLogins: logins)
    }

    /// Writes the register and the profiles (as `rules/tools/<id>.yml`) into `directory`.
    /// - Returns: The `--rules` directory and the `--register` file a scan of this tenant takes.
    func writeInputs(to directory: URL) throws -> (rules: URL, register: URL) {
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules.appendingPathComponent("tools"), withIntermediateDirectories: true)
        for (id, yaml) in profiles {
            try Data(yaml.utf8).write(to: rules.appendingPathComponent("tools/\(id).yml"))
        }
        let register = directory.appendingPathComponent("register.yml")
        try Data(registerYAML.utf8).write(to: register)
        return (rules, register)
    }

    /// The `CWM_*` variables a live `v360audit` run against this tenant served at `site` needs.
    func environment(site: String) -> KeyValuePairs<String, String> {
        let fake = fixture.credentials
        return ["CWM_SITE": site, "CWM_COMPANY_ID": fake.companyId, "CWM_PUBLIC_KEY": fake.publicKey,
                "CWM_PRIVATE_KEY": fake.privateKey, "CWM_CLIENT_ID": fake.clientId]
    }
}
