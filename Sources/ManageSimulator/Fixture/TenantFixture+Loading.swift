import Foundation

extension TenantFixture {
    /// Loads a fixture file (format: see ``TenantFixture`` and `Sources/ManageSimulator/README.md`).
    ///
    /// - Throws: `SimulatorError` naming the file and, for content errors, the JSON path
    ///   (`members[3].id`) or line and column of the problem.
    public static func load(from url: URL) throws(SimulatorError) -> TenantFixture {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: name, reason: (error as NSError).localizedDescription)
        }
        return try decode(JSONValue.parse(Array(data), source: name), file: name)
    }

    /// Builds a fixture from a parsed fixture document.
    static func decode(_ document: JSONValue, file: String) throws(SimulatorError) -> TenantFixture {
        func fail(_ path: String, _ problem: String) -> SimulatorError { .invalidFixture(file: file, path: path, problem: problem) }
        guard case .object(let top) = document else { throw fail("", "expected a JSON object, found \(document.typeName)") }
        let known: Set<String> = [
            "format", "companyName", "credentials", "scannerMemberIdentifier", "systemInfo", "members", "apiMembers",
            "securityRoles", "roleSettings", "integratorLogins",
        ]
        if let unknown = top.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail(unknown, "unknown key (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
        func string(_ value: JSONValue?, _ path: String) throws(SimulatorError) -> String {
            guard let value else { throw fail(path, "missing (a string is required)") }
            guard case .string(let text) = value, !text.isEmpty else { throw fail(path, "expected a non-empty string, found \(value.typeName)") }
            return text
        }
        let format = try string(top["format"], "format")
        guard format == formatIdentifier else { throw fail("format", "unsupported format \"\(format)\" (expected \"\(formatIdentifier)\")") }
        guard case .object(let creds)? = top["credentials"] else { throw fail("credentials", "expected an object with companyId, publicKey, privateKey, clientId") }
        let credentials = SimulatorCredentials(
            companyId: try string(creds["companyId"], "credentials.companyId"),
            publicKey: try string(creds["publicKey"], "credentials.publicKey"),
            privateKey: try string(creds["privateKey"], "credentials.privateKey"),
            clientId: try string(creds["clientId"], "credentials.clientId"))

        func objects(_ key: String, required: [String: String]) throws(SimulatorError) -> [JSONValue] {
            guard let value = top[key] else { throw fail(key, "missing (an array of objects is required)") }
            guard case .array(let items) = value else { throw fail(key, "expected an array, found \(value.typeName)") }
            return try checked(items, path: key, required: required)
        }
        func checked(_ items: [JSONValue], path: String, required: [String: String]) throws(SimulatorError) -> [JSONValue] {
            var seen: Set<Int> = []
            for (index, item) in items.enumerated() {
                let here = "\(path)[\(index)]"
                guard case .object = item else { throw fail(here, "expected an object, found \(item.typeName)") }
                for (field, type) in required.sorted(by: { $0.key < $1.key }) {
                    let value = item[field]
                    guard let value, value.typeName == type else {
                        throw fail("\(here).\(field)", "expected \(type == "integer" ? "an" : "a") \(type), found \(value?.typeName ?? "nothing")")
                    }
                }
                if let id = item["id"]?.intValue, !seen.insert(id).inserted { throw fail("\(here).id", "duplicate id \(id)") }
            }
            return items
        }

        let roleSettingsValue = top["roleSettings"] ?? .object([:])
        guard case .object(let settingsByRole) = roleSettingsValue else { throw fail("roleSettings", "expected an object keyed by role id") }
        var roleSettings: [Int: [JSONValue]] = [:]
        for key in settingsByRole.keys.sorted() {
            guard let roleId = Int(key) else { throw fail("roleSettings.\(key)", "key must be an integer role id") }
            guard case .array(let rows) = settingsByRole[key]! else { throw fail("roleSettings.\(key)", "expected an array of settings rows") }
            roleSettings[roleId] = try checked(rows, path: "roleSettings.\(key)", required: ["id": "integer"])
        }
        let systemInfo = top["systemInfo"] ?? defaultSystemInfo
        guard case .object = systemInfo else { throw fail("systemInfo", "expected an object, found \(systemInfo.typeName)") }
        return TenantFixture(
            companyName: try string(top["companyName"], "companyName"),
            credentials: credentials,
            scannerMemberIdentifier: try string(top["scannerMemberIdentifier"], "scannerMemberIdentifier"),
            systemInfo: systemInfo,
            members: try objects("members", required: ["id": "integer", "identifier": "string"]),
            apiMembers: try objects("apiMembers", required: ["id": "integer", "identifier": "string"]),
            securityRoles: try objects("securityRoles", required: ["id": "integer", "name": "string"]),
            roleSettings: roleSettings,
            integratorLogins: try objects("integratorLogins", required: ["id": "integer"]))
    }

    /// The fixture as a fixture-file document, which ``load(from:)`` reads back unchanged.
    public var fileDocument: JSONValue {
        [
            "format": .string(Self.formatIdentifier),
            "companyName": .string(companyName),
            "credentials": [
                "companyId": .string(credentials.companyId), "publicKey": .string(credentials.publicKey),
                "privateKey": .string(credentials.privateKey), "clientId": .string(credentials.clientId),
            ],
            "scannerMemberIdentifier": .string(scannerMemberIdentifier),
            "systemInfo": systemInfo,
            "members": .array(members),
            "apiMembers": .array(apiMembers),
            "securityRoles": .array(securityRoles),
            "roleSettings": .object(Dictionary(uniqueKeysWithValues: roleSettings.map { (String($0.key), JSONValue.array($0.value)) })),
            "integratorLogins": .array(integratorLogins),
        ]
    }
}
