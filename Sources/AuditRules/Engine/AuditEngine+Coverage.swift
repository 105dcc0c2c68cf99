import Foundation
import ManageReader

extension AuditEngine {
    /// Coverage area names, kebab-case as reports show them.
    static func areaName(_ area: DataArea) -> String {
        switch area {
        case .companyInfo: "company-info"
        case .members: "members"
        case .apiMembers: "api-members"
        case .securityRoles: "security-roles"
        case .roleSettings: "role-settings"
        case .integratorLogins: "integrator-logins"
        case .mySecurity: "my-security"
        }
    }

    /// Read gaps, complete areas, the register, and API members whose role is not in the role list.
    static func baseCoverage(_ ctx: AuditContext) -> [CoverageEntry] {
        var entries: [CoverageEntry] = ctx.snapshot.gaps.map { gap in
            let status = gap.status.map { " (HTTP \($0))" } ?? ""
            return CoverageEntry(area: areaName(gap.area), status: .missing,
                                 detail: "\(gap.endpoint)\(status) could not be read: \(gap.detail)")
        }
        let gapAreas = Set(ctx.snapshot.gaps.map(\.area))
        let counts: [(DataArea, String)] = [
            (.members, "\(ctx.snapshot.members.count) members read"),
            (.apiMembers, "\(ctx.snapshot.apiMembers.count) API member records read; \(ctx.apiMembers.count) API members after joining"),
            (.securityRoles, "\(ctx.snapshot.securityRoles.count) security roles read"),
            (.roleSettings, "settings read for \(ctx.snapshot.securityRoles.filter { $0.settings != nil }.count) roles"),
            (.integratorLogins, "\(ctx.snapshot.integratorLogins.count) integrator logins read"),
        ]
        for (area, detail) in counts where !gapAreas.contains(area) {
            entries.append(CoverageEntry(area: areaName(area), status: .complete, detail: detail + "."))
        }
        if ctx.snapshot.scanner != nil && !gapAreas.contains(.mySecurity) {
            entries.append(CoverageEntry(area: areaName(.mySecurity), status: .complete,
                                         detail: "The scanner's own permissions were read."))
        }
        if let register = ctx.register {
            entries.append(CoverageEntry(area: "key-register", status: .complete,
                                         detail: "\(register.keys.count) registered keys from \(register.fileName)."))
        } else {
            entries.append(CoverageEntry(
                area: "key-register", status: .notEvaluated,
                detail: "No key register was given (--register): key rules were not evaluated. "
                    + "The PSA API cannot list API keys, so the register is the only source for them."))
        }
        if gapAreas.contains(.securityRoles) { return entries }
        for member in ctx.activeAPIMembers {
            if let id = member.role?.id, ctx.rolesById[id] == nil {
                entries.append(CoverageEntry(
                    area: areaName(.securityRoles), status: .missing,
                    detail: "Role id \(id) of API member \(member.identifier) is not in /system/securityroles."))
            }
        }
        return entries
    }

    /// Caveats: unknown permission levels in roles that were judged, and unverified tool profiles in use.
    static func roleCoverage(_ ctx: AuditContext) -> [CoverageEntry] {
        var entries: [CoverageEntry] = []
        var roleIds = Set<Int>()
        for member in ctx.activeAPIMembers {
            if let id = member.role?.id { roleIds.insert(id) }
        }
        for id in roleIds.sorted() {
            guard let role = ctx.rolesById[id], let rows = role.settings else { continue }
            let unknown = ctx.roleFacts[id]?.unknownLevels ?? unknownLevels(rows, ctx.levels)
            if !unknown.isEmpty {
                entries.append(CoverageEntry(
                    area: "role-settings", status: .caveat,
                    detail: "Role '\(role.name)' (id \(role.id)) has unknown permission level(s) "
                        + unknown.map { "'\($0)'" }.joined(separator: ", ") + "; they were counted as All."))
            }
        }
        if let scanner = ctx.snapshot.scanner {
            let unknown = unknownLevels(scanner.settings, ctx.levels)
            if !unknown.isEmpty {
                entries.append(CoverageEntry(
                    area: "my-security", status: .caveat,
                    detail: "The scanner's permissions contain unknown level(s) "
                        + unknown.map { "'\($0)'" }.joined(separator: ", ") + "; they were counted as All."))
            }
        }
        if ctx.register != nil {
            let used = Set(ctx.activeAPIMembers.flatMap { ctx.tools(of: $0) })
            for tool in used.sorted() {
                guard let profile = ctx.pack.tool(tool), !profile.verified else { continue }
                entries.append(CoverageEntry(
                    area: "tool-profile:\(profile.id)", status: .caveat,
                    detail: "Tool profile '\(profile.id)' (\(profile.name), \(profile.vendor)) is not verified against a "
                        + "published vendor list; overbroad-role results for its members rest on it (\(profile.source))."))
            }
        }
        entries += ctx.unmatchedProfileRows()
        return entries
    }

    /// The level strings of `rows` no rank is known for, sorted.
    static func unknownLevels(_ rows: [RoleSetting], _ levels: LevelTable) -> [String] {
        var unknown = Set<String>()
        for row in rows {
            for op in PermissionOperation.allCases where !levels.info(row.level(op)).isKnown {
                unknown.insert(row.level(op).raw ?? "")
            }
        }
        return unknown.sorted()
    }

    /// One row per API member (active or not), sorted by member.
    static func inventory(_ ctx: AuditContext, findings: [Finding]) -> [InventoryRow] {
        var rulesByMember: [String: Set<String>] = [:]
        for finding in findings where finding.status == .open && finding.resource.kind == .member {
            rulesByMember[finding.resource.identifier.lowercased(), default: []].insert(finding.ruleId)
        }
        let adminParameters = ctx.pack.rules.first { $0.check == .adminRole }?.parameters ?? RuleParameters()
        return ctx.apiMembers.map { member in
            let role = member.role?.id.flatMap { ctx.rolesById[$0] }
            return InventoryRow(
                member: member.resource, active: member.active, roleId: member.role?.id,
                roleName: role?.name ?? member.role?.name,
                roleIsAdmin: role.map { ctx.isAdmin($0, adminParameters) } ?? false,
                tools: ctx.tools(of: member), keyCount: ctx.keysByMember[member.key]?.count ?? 0,
                findingRuleIds: (rulesByMember[member.key] ?? []).sorted())
        }
    }
}
