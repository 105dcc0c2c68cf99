import Foundation
import ManageReader

/// The sensitive grants a planned role keeps: what the `sensitive-grant` rules (privilege
/// escalation, stored passwords) would still flag once the plan entry is applied.
///
/// A plan entry never removes a grant a tool's profile asks for (Passportal asks for Member
/// Maintenance and Security at All), so such an escalation survives the change; the plan says so
/// instead of letting a security lead believe it is gone.
struct ResidualGrants {
    /// The evaluation's context.
    var ctx: AuditContext

    /// Residual grants of a role lowered in place (`lower-role`), whose ranks after the change are
    /// `after(entry, op)`, for a member set needing `spec`.
    /// - Parameter after: the rank the role grants on a catalog entry and op once the entry is applied.
    func residual(spec: NeedSpec, after: (Int, PermissionOperation) -> PermissionLevel.Rank) -> [PlanEntry.Residual] {
        var result: [PlanEntry.Residual] = []
        for rule in ctx.pack.rules where rule.check == .sensitiveGrant {
            let watched = Set(rule.parameters.functions.flatMap { ctx.catalog.entries(matching: $0.module, $0.function) })
            for entry in watched.sorted() {
                for op in rule.parameters.ops.sorted() where after(entry, op) > .none {
                    let names = ctx.catalog.entries[entry]
                    result.append(PlanEntry.Residual(ruleId: rule.id, module: names.module, function: names.function,
                                                     op: op.rawValue, requestedBy: requestedBy(spec, entry: entry, op: op)))
                }
            }
        }
        return sorted(result)
    }

    /// Residual grants of a role to create with exactly `grants` (a `new-role` entry): the grant
    /// rows a sensitive rule watches, matched by name, or through the PSA's settings rows (so a
    /// function the PSA names by identifier or description counts too), with a level above None.
    func residual(created grants: [PlanEntry.Grant], spec: NeedSpec) -> [PlanEntry.Residual] {
        var result: [PlanEntry.Residual] = []
        for rule in ctx.pack.rules where rule.check == .sensitiveGrant {
            let keys = Set(rule.parameters.functions.map { FunctionCatalog.pairKey($0.module, $0.function) })
            let watched = Set(rule.parameters.functions.flatMap { ctx.catalog.entries(matching: $0.module, $0.function) })
            for grant in grants {
                let key = FunctionCatalog.pairKey(grant.module, grant.function)
                guard keys.contains(key) || ctx.catalog.entries(forKey: key).contains(where: watched.contains) else { continue }
                let levels: [PermissionOperation: String] = [.inquire: grant.inquire, .add: grant.add, .edit: grant.edit,
                                                             .delete: grant.delete]
                for op in rule.parameters.ops.sorted() where levels[op].map({ ctx.levels.info(PermissionLevel($0)).rank > .none }) == true {
                    let askers = spec.tools.filter { tool in
                        ctx.pack.tool(tool.id)?.permissions(for: tool.features).contains {
                            FunctionCatalog.pairKey($0.module, $0.function) == key && $0.level(op) > .none
                        } == true
                    }.map(\.id).sorted()
                    result.append(PlanEntry.Residual(ruleId: rule.id, module: grant.module, function: grant.function,
                                                     op: op.rawValue, requestedBy: askers))
                }
            }
        }
        return sorted(result)
    }

    private func sorted(_ residual: [PlanEntry.Residual]) -> [PlanEntry.Residual] {
        residual.sorted {
            ($0.ruleId, $0.module.lowercased(), $0.function.lowercased(), opOrder($0.op))
                < ($1.ruleId, $1.module.lowercased(), $1.function.lowercased(), opOrder($1.op))
        }
    }

    /// The spec's tools whose own profile needs `op` on `entry`.
    private func requestedBy(_ spec: NeedSpec, entry: Int, op: PermissionOperation) -> [String] {
        spec.tools.filter { tool in
            guard let needs = ctx.needs(NeedSpec(keys: [(tool.id, tool.features)])) else { return false }
            return (needs[entry] ?? OpRanks())[op] > .none
        }.map(\.id).sorted()
    }

    private func opOrder(_ op: String) -> Int {
        PermissionOperation(rawValue: op).flatMap { PermissionOperation.allCases.firstIndex(of: $0) } ?? 99
    }
}
