import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// Builders for small tenants, so each test states only what matters to it.
enum T {
    /// 2026-11-01T06:00:00Z.
    static let capturedAt = Date(timeIntervalSince1970: 1_793_512_800)

    static func pack() throws -> RulePack { try RulePack.bundled() }

    static func row(_ module: String, _ function: String, _ inquire: String?, _ add: String? = nil,
                    _ edit: String? = nil, _ delete: String? = nil,
                    moduleId: String? = nil, functionId: String? = nil) -> RoleSetting {
        RoleSetting(moduleIdentifier: moduleId, moduleName: module, moduleFunctionIdentifier: functionId,
                    moduleFunctionName: function, addLevel: PermissionLevel(add), editLevel: PermissionLevel(edit),
                    deleteLevel: PermissionLevel(delete), inquireLevel: PermissionLevel(inquire))
    }

    static func apiMember(_ id: Int, _ identifier: String, role: Int? = nil, inactive: Bool? = nil,
                          license: String = "A") -> Member {
        Member(id: id, identifier: identifier, firstName: identifier, licenseClass: license, inactiveFlag: inactive,
               securityRole: role.map { RoleReference(id: $0) })
    }

    static func snapshot(members: [Member] = [], apiMembers: [APIMember] = [], roles: [SecurityRole] = [],
                         logins: [IntegratorLogin] = [], scanner: ScannerSecurity? = nil, gaps: [ReadGap] = [],
                         capturedAt: Date = T.capturedAt) -> TenantSnapshot {
        TenantSnapshot(source: SnapshotSource(site: "api-na.example.test", capturedAt: capturedAt),
                       members: members, apiMembers: apiMembers, securityRoles: roles, integratorLogins: logins,
                       scanner: scanner, gaps: gaps)
    }

    static func register(_ yaml: String) throws -> KeyRegister {
        try KeyRegister.parse(yaml, fileName: "register.yml")
    }

    static func evaluate(_ snapshot: TenantSnapshot, register: KeyRegister? = nil, waivers: WaiverSet? = nil,
                         pack: RulePack? = nil) throws -> AuditResult {
        AuditEngine.evaluate(pack: try pack ?? T.pack(), snapshot: snapshot, register: register, waivers: waivers)
    }

    static func cases(_ result: AuditResult, _ ruleId: String) -> [RuleCase] {
        result.rules.first { $0.rule.id == ruleId }?.cases ?? []
    }

    static func findings(_ result: AuditResult, _ ruleId: String) -> [Finding] {
        result.findings.filter { $0.ruleId == ruleId }
    }

    static func outcome(_ result: AuditResult, _ ruleId: String, _ identifier: String) -> RuleCase.Outcome? {
        cases(result, ruleId).first { WaiverSet.label(of: $0.resource).lowercased() == identifier.lowercased() }?.outcome
    }

    static func isNotEvaluated(_ outcome: RuleCase.Outcome?) -> Bool {
        if case .notEvaluated = outcome { true } else { false }
    }

    static func isError(_ outcome: RuleCase.Outcome?) -> Bool {
        if case .error = outcome { true } else { false }
    }

    static func evidence(_ finding: Finding?, _ key: String) -> EvidenceValue? {
        guard case .object(let fields) = finding?.evidence else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// A temporary directory removed when the closure returns.
    static func withDirectory<R>(_ files: [String: String], _ body: (URL) throws -> R) throws -> R {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tools"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return try body(dir)
    }

    /// The repository's `rules/` directory.
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    /// A minimal valid rule file.
    static func ruleYAML(id: String = "custom-rule", check: String = "admin-role", extra: String = "",
                         severity: String = "high", parameters: String = "") -> String {
        """
        id: \(id)
        title: Custom
        severity: \(severity)
        category: test
        description: d
        rationale: r
        remediation: fix it
        references: []
        check: \(check)
        \(parameters)
        \(extra)
        """
    }
}
