import Foundation
import ManageReader
import Yams
import V360Core

extension RuleExample {
    static let fragmentKeys = ["name", "capturedAt", "members", "apiMembers", "roles", "integratorLogins",
                               "scanner", "register", "finding"]

    /// Parses `examples: {passing: […], failing: […]}`.
    static func parseAll(_ node: Node?, file: String) throws(AuditRulesError) -> RuleExamples {
        guard let node else { return RuleExamples() }
        let map = try YAMLMap(node, file: file, what: "examples", allowed: ["passing", "failing"])
        var result = RuleExamples()
        for item in try map.sequence("passing") ?? [] {
            result.passing.append(try parse(item, file: file, failing: false))
        }
        for item in try map.sequence("failing") ?? [] {
            result.failing.append(try parse(item, file: file, failing: true))
        }
        return result
    }

    static func parse(_ node: Node, file: String, failing: Bool) throws(AuditRulesError) -> RuleExample {
        let map = try YAMLMap(node, file: file, what: "example", allowed: fragmentKeys)
        let name = try map.requiredString("name")
        let expected = try map.string("finding")
        if failing && expected == nil {
            throw .invalid(file: file, line: map.line, message: "failing example '\(name)': missing required key 'finding'")
        }
        if !failing && expected != nil {
            throw map.fail("finding", "is only allowed in failing examples")
        }
        let captured = try map.date("capturedAt") ?? CalendarDate("2026-11-01")!
        let roles = try (map.sequence("roles") ?? []).map { node throws(AuditRulesError) in try role(node, file) }
        let roleNames = Dictionary(roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var snapshot = TenantSnapshot(
            source: SnapshotSource(site: "example.invalid",
                                   capturedAt: Date(timeIntervalSince1970: Double(captured.dayNumber) * 86_400 + 21_600)),
            securityRoles: roles)
        for item in try map.sequence("members") ?? [] {
            let m = try YAMLMap(item, file: file, what: "example member",
                                allowed: ["id", "identifier", "name", "licenseClass", "inactive", "role"])
            snapshot.members.append(Member(
                id: try required(m, "id"), identifier: try m.requiredString("identifier"), firstName: try m.string("name"),
                licenseClass: try m.string("licenseClass"), inactiveFlag: try m.bool("inactive"),
                securityRole: try m.int("role").map { RoleReference(id: $0, name: roleNames[$0]) }))
        }
        for item in try map.sequence("apiMembers") ?? [] {
            let m = try YAMLMap(item, file: file, what: "example API member",
                                allowed: ["id", "identifier", "name", "inactive", "role"])
            snapshot.apiMembers.append(APIMember(
                id: try required(m, "id"), identifier: try m.requiredString("identifier"), name: try m.string("name"),
                inactiveFlag: try m.bool("inactive"),
                securityRole: try m.int("role").map { RoleReference(id: $0, name: roleNames[$0]) }))
        }
        for item in try map.sequence("integratorLogins") ?? [] {
            let m = try YAMLMap(item, file: file, what: "example integrator login",
                                allowed: ["id", "username", "inactive", "allApis", "allRecords"])
            snapshot.integratorLogins.append(IntegratorLogin(
                id: try required(m, "id"), username: try m.requiredString("username"), inactiveFlag: try m.bool("inactive"),
                canAccessAllRecordsFlag: try m.bool("allRecords"), canAccessAllApisFlag: try m.bool("allApis")))
        }
        if let node = map.node("scanner") {
            let m = try YAMLMap(node, file: file, what: "example scanner", allowed: ["member", "settings"])
            let member = try m.requiredString("member")
            let id = snapshot.members.first { $0.identifier.lowercased() == member.lowercased() }?.id
            snapshot.scanner = ScannerSecurity(member: MemberReference(id: id, identifier: member),
                                               settings: try settings(m.sequence("settings") ?? [], file))
        }
        let register = try map.sequence("register").map { items throws(AuditRulesError) in
            KeyRegister(keys: try KeyRegister.parseKeys(items, file: file), fileName: file)
        }
        return RuleExample(name: name, snapshot: snapshot, register: register, expectedResource: expected, line: map.line)
    }

    private static func required(_ map: YAMLMap, _ key: String) throws(AuditRulesError) -> Int {
        guard let value = try map.int(key) else {
            throw .invalid(file: map.file, line: map.line, message: "\(map.what): missing required key '\(key)'")
        }
        return value
    }

    private static func role(_ node: Node, _ file: String) throws(AuditRulesError) -> SecurityRole {
        let m = try YAMLMap(node, file: file, what: "example role", allowed: ["id", "name", "adminFlag", "settings"])
        return SecurityRole(id: try required(m, "id"), name: try m.requiredString("name"), adminFlag: try m.bool("adminFlag"),
                            settings: try settings(m.sequence("settings") ?? [], file))
    }

    /// Rows written `[module, function, inquire, add, edit, delete]`.
    private static func settings(_ items: [Node], _ file: String) throws(AuditRulesError) -> [RoleSetting] {
        var rows: [RoleSetting] = []
        for (index, item) in items.enumerated() {
            guard case .sequence(let seq) = item, seq.count == 6,
                  seq.allSatisfy({ if case .scalar = $0 { true } else { false } }) else {
                throw .invalid(file: file, line: item.mark?.line,
                               message: "example settings row must be [module, function, inquire, add, edit, delete]")
            }
            let values = seq.map { YAMLMap.isNull($0) ? nil : $0.scalar?.string }
            rows.append(RoleSetting(
                id: index + 1, moduleIdentifier: values[0], moduleName: values[0],
                moduleFunctionIdentifier: values[1]?.replacingOccurrences(of: " ", with: ""), moduleFunctionName: values[1],
                addLevel: PermissionLevel(values[3]), editLevel: PermissionLevel(values[4]),
                deleteLevel: PermissionLevel(values[5]), inquireLevel: PermissionLevel(values[2])))
        }
        return rows
    }
}
