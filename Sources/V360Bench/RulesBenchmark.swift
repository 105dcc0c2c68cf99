import AuditRules
import Foundation
import ManageReader

/// `v360bench rules [--write-snapshot FILE] [--write-register FILE]`: evaluates the bundled rule
/// pack on a generated tenant of docs/design.md's size (5,000 members, 400 API members, 300 roles ×
/// 150 settings rows, 50 integrator logins) plus a register of the API members' keys, and prints
/// wall time and peak RSS against the targets (≤ 1 s, ≤ 150 MB). The generated inputs can be
/// saved for the offline `scan --snapshot` benchmark.
enum RulesBenchmark {
    static let targetSeconds = 1.0
    static let targetMegabytes = 150.0

    static func run(arguments: [String]) async throws {
        var snapshotPath: String?
        var registerPath: String?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--write-snapshot": snapshotPath = rest.popFirst()
            case "--write-register": registerPath = rest.popFirst()
            default: throw BenchError("unknown option \(flag); usage: v360bench rules [--write-snapshot FILE] [--write-register FILE]")
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = makeSnapshot()
        let registerYAML = makeRegisterYAML(snapshot)
        let generated = clock.now
        let pack = try RulePack.bundled()
        let register = try KeyRegister.parse(registerYAML, fileName: "bench-register.yml")
        let loaded = clock.now
        let result = AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil)
        let evaluated = clock.now
        let cases = result.rules.reduce(0) { $0 + $1.cases.count }
        let evaluate = seconds(evaluated - loaded), total = seconds(evaluated - generated)
        let rss = peakRSSMegabytes()
        print("tenant: \(snapshot.members.count) members, \(result.inventory.count) API members, "
              + "\(snapshot.securityRoles.count) roles × \(snapshot.securityRoles.first?.settings?.count ?? 0) settings, "
              + "\(snapshot.integratorLogins.count) integrator logins, \(register.keys.count) registered keys")
        print("result: \(result.rules.count) rules, \(cases) cases, \(result.findings.count) findings, complete: \(result.complete)")
        print(String(format: "generate %.3f s; load pack + register %.3f s; evaluate %.3f s", seconds(generated - start),
                     seconds(loaded - generated), evaluate))
        print(String(format: "load + evaluate: %.3f s (target ≤ %.1f s) %@", total, targetSeconds,
                     total <= targetSeconds ? "OK" : "OVER"))
        print(String(format: "peak RSS (VmHWM): %.1f MB (target ≤ %.0f MB) %@", rss ?? -1, targetMegabytes,
                     (rss ?? 0) <= targetMegabytes ? "OK" : "OVER"))
        if let snapshotPath {
            // The reader's own format (sorted keys, ISO-8601 dates), so `scan --snapshot` reads it.
            try SnapshotStore.save(snapshot, to: URL(fileURLWithPath: snapshotPath))
            print("wrote snapshot \(snapshotPath)")
        }
        if let registerPath {
            try Data(registerYAML.utf8).write(to: URL(fileURLWithPath: registerPath))
            print("wrote register \(registerPath)")
        }
    }

    // MARK: - Generated tenant

    static let modules = ["Companies", "Finance", "Marketing", "Procurement", "Project", "Sales", "Service Desk",
                          "System", "Time & Expense", "Reports"]
    static let levels = ["None", "My", "All", "None", "All", "Mine", nil]
    static let tools = ["msp360", "cipp", "passportal", "email-reconnector"]

    /// A deterministic tenant: no randomness, so every run measures the same work.
    static func makeSnapshot() -> TenantSnapshot {
        var roles: [SecurityRole] = []
        for r in 1...300 {
            var rows: [RoleSetting] = []
            for k in 0..<150 {
                let module = modules[k % modules.count]
                let function = k == 7 ? "Member Maintenance" : "Function \(k)"
                func level(_ salt: Int) -> PermissionLevel { PermissionLevel(levels[(r * 7 + k * 3 + salt) % levels.count]) }
                rows.append(RoleSetting(id: r * 1000 + k, moduleIdentifier: module.replacingOccurrences(of: " ", with: ""),
                                        moduleName: module, moduleFunctionIdentifier: "F\(k)", moduleFunctionName: function,
                                        addLevel: level(1), editLevel: level(2), deleteLevel: level(3), inquireLevel: level(0)))
            }
            roles.append(SecurityRole(id: r, name: r == 1 ? "Admin" : "Role \(r)", roleType: "Custom",
                                      adminFlag: r == 1, inactiveFlag: false, settings: rows))
        }
        var members: [Member] = []
        var apiMembers: [APIMember] = []
        for m in 1...5000 {
            let isAPI = m % 12 == 0 && apiMembers.count < 400
            let role = RoleReference(id: 1 + (m * 13) % 300, name: nil)
            members.append(Member(id: m, identifier: isAPI ? "API\(m)" : "user\(m)", firstName: "First\(m)",
                                  lastName: "Last\(m)", licenseClass: isAPI ? "A" : "F",
                                  inactiveFlag: m % 49 == 0 ? true : nil, securityRole: role,
                                  adminFlag: false, lastLogin: "2026-10-01T08:00:00Z"))
            if isAPI {
                apiMembers.append(APIMember(id: m, identifier: "API\(m)", name: "API \(m)",
                                            inactiveFlag: m % 49 == 0 ? true : nil, securityRole: role))
            }
        }
        let logins = (1...50).map { i in
            IntegratorLogin(id: i, username: "integrator\(i)", inactiveFlag: i % 10 == 0 ? true : nil,
                            canAccessAllRecordsFlag: i % 3 == 0, canAccessAllApisFlag: i % 4 == 0,
                            member: MemberReference(id: i, identifier: "user\(i)"))
        }
        let scanner = ScannerSecurity(member: MemberReference(id: 12, identifier: "API12"),
                                      settings: roles[11].settings ?? [])
        return TenantSnapshot(
            source: SnapshotSource(site: "api-bench.example.test", codebase: "v2025_1/", apiVersion: "2025.8",
                                   capturedAt: Date(timeIntervalSince1970: 1_793_512_800)),
            members: members, apiMembers: apiMembers, securityRoles: roles, integratorLogins: logins, scanner: scanner)
    }

    /// One or two keys per API member (every fifth shares a member between two tools).
    static func makeRegisterYAML(_ snapshot: TenantSnapshot) -> String {
        var lines = ["keys:"]
        for (i, member) in snapshot.apiMembers.enumerated() {
            let month = 1 + i % 12
            lines.append("  - {member: \(member.identifier), description: Key \(i), tool: \(tools[i % tools.count]), "
                         + "owner: ops@msp.example, created: \(2024 + i % 3)-\(month < 10 ? "0" : "")\(month)-15}")
            if i % 5 == 0 {
                lines.append("  - {member: \(member.identifier), description: Second \(i), tool: \(tools[(i + 1) % tools.count])}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Measurement

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Peak resident set size from `/proc/self/status` (`VmHWM`, kB); nil where unavailable.
    static func peakRSSMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
