import Foundation
import ManageReader

/// `shared-member-overbroad-role` and `single-tool-overbroad-role`: a role granting any op above
/// the union of the member's tools' profiles.
enum OverbroadCheck {
    /// One op granted above what the tools need.
    struct Excess: Comparable {
        var module: String, function: String, op: PermissionOperation, granted: String, needed: PermissionLevel.Rank
        /// Lowercased module and function, computed once for sorting.
        var sortKey: String

        static func < (l: Self, r: Self) -> Bool {
            if l.sortKey != r.sortKey { return l.sortKey < r.sortKey }
            if l.op != r.op { return l.op < r.op }
            return (l.module, l.function) < (r.module, r.function)
        }

        var evidence: EvidenceValue {
            .object([EvidenceField("module", .string(module)), EvidenceField("function", .string(function)),
                     EvidenceField("op", .string(op.rawValue)), EvidenceField("granted", .string(granted)),
                     EvidenceField("needed", .string(needed.name))])
        }
    }

    /// Evaluates members with two or more tools (`shared`) or exactly one.
    static func evaluate(_ rule: RuleDefinition, _ ctx: AuditContext, shared: Bool) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers, .securityRoles], into: &out)
        if ctx.skipWithoutRegister(into: &out) { return out }
        // Many members share a role and a tool set; compute each combination once.
        var cache: [String: [Excess]] = [:]
        for member in ctx.activeAPIMembers {
            let tools = ctx.tools(of: member)
            guard shared ? tools.count >= 2 : tools.count == 1 else { continue }
            let missing = tools.filter { ctx.pack.tool($0) == nil }
            if !missing.isEmpty {
                out.skip(member.resource, "no tool profile for \(missing.joined(separator: ", ")) (rules/tools/<id>.yml)")
                for tool in missing {
                    out.coverage.append(CoverageEntry(
                        area: "tool-profile:\(tool)", status: .notEvaluated,
                        detail: "No tool profile for registered tool '\(tool)' (member \(member.identifier)); "
                            + "its role was not checked against the tool's needs. Add rules/tools/\(tool).yml."))
                }
                continue
            }
            let role: SecurityRole
            switch ctx.role(of: member) {
            case .none: out.pass(member.resource); continue
            case .problem(let problem): out.error(member.resource, problem); continue
            case .role(let value): role = value
            }
            let rows: [RoleSetting]
            switch ctx.settings(of: role) {
            case .failure(let error): out.error(member.resource, error.problem); continue
            case .success(let value): rows = value
            }
            let cacheKey = "\(role.id)|" + tools.joined(separator: ",")
            let excess = cache[cacheKey] ?? excesses(rows: rows, needs: needIndex(tools.compactMap { ctx.pack.tool($0) }),
                                                      levels: ctx.levels)
            cache[cacheKey] = excess
            guard !excess.isEmpty else { out.pass(member.resource); continue }
            let toolText = tools.joined(separator: ", ")
            out.fail(rule, member.resource,
                     "API member \(member.identifier) holds role '\(role.name)', which grants \(excess.count) "
                        + "permission(s) beyond what " + (shared ? "its tools (\(toolText)) need." : "its tool (\(toolText)) needs."),
                     [EvidenceField("role", ctx.roleEvidence(role)),
                      EvidenceField("tools", .list(tools.map { .string($0) })),
                      EvidenceField("excess", .list(excess.map(\.evidence)))])
        }
        return out
    }

    /// The union of profiles: needed rank per (module, function, op), keyed by normalized names.
    static func needIndex(_ profiles: [ToolProfile]) -> [String: [PermissionOperation: PermissionLevel.Rank]] {
        var index: [String: [PermissionOperation: PermissionLevel.Rank]] = [:]
        for profile in profiles {
            for permission in profile.permissions {
                let key = pairKey(permission.module, permission.function)
                for op in PermissionOperation.allCases {
                    index[key, default: [:]][op] = max(index[key]?[op] ?? .none, permission.level(op))
                }
            }
        }
        return index
    }

    /// Every op of every row granted above the needed rank, in module, function, op order.
    static func excesses(rows: [RoleSetting], needs: [String: [PermissionOperation: PermissionLevel.Rank]],
                         levels: LevelTable) -> [Excess] {
        var result: [Excess] = []
        for row in rows {
            let modules = Set([row.moduleName, row.moduleIdentifier].compactMap { $0 })
            let functions = Set([row.moduleFunctionName, row.moduleFunctionIdentifier].compactMap { $0 })
            var needed: [PermissionOperation: PermissionLevel.Rank] = [:]
            for module in modules {
                for function in functions {
                    for (op, rank) in needs[pairKey(module, function)] ?? [:] { needed[op] = max(needed[op] ?? .none, rank) }
                }
            }
            for op in PermissionOperation.allCases {
                let level = row.level(op)
                let info = levels.info(level)
                let need = needed[op] ?? .none
                guard info.rank > need else { continue }
                let granted = info.isKnown ? info.rank.name : (level.raw ?? "")
                let module = row.moduleName ?? row.moduleIdentifier ?? "?"
                let function = row.moduleFunctionName ?? row.moduleFunctionIdentifier ?? "?"
                result.append(Excess(module: module, function: function, op: op, granted: granted, needed: need,
                                     sortKey: module.lowercased() + "\u{1F}" + function.lowercased()))
            }
        }
        return result.sorted()
    }

    static func pairKey(_ module: String, _ function: String) -> String {
        module.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() + "\u{1F}"
            + function.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
