import Foundation
import Synchronization
import ManageReader

/// Needed ranks per `FunctionCatalog` entry index; entries absent are needed at `None`.
typealias NeedMap = [Int: OpRanks]

/// Memo tables shared by every check of one evaluation: many members share a role and a tool
/// set, so needs and excesses are computed once per distinct combination. Locked, because the
/// engine runs rules concurrently; two rules computing the same entry get the same value.
final class NeedCache: Sendable {
    private let needTable = Mutex<[NeedSpec: NeedMap]>([:])
    private let excessTable = Mutex<[RoleNeedKey: [Excess]]>([:])

    /// The memoised needs of a spec.
    func needs(_ spec: NeedSpec) -> NeedMap? { needTable.withLock { $0[spec] } }

    /// Remembers the needs of a spec.
    func setNeeds(_ map: NeedMap, for spec: NeedSpec) { needTable.withLock { $0[spec] = map } }

    /// The memoised excesses of a role and spec.
    func excesses(_ key: RoleNeedKey) -> [Excess]? { excessTable.withLock { $0[key] } }

    /// Remembers the excesses of a role and spec.
    func setExcesses(_ excesses: [Excess], for key: RoleNeedKey) { excessTable.withLock { $0[key] = excesses } }

    /// Remembers excesses worked out before the evaluation (for roles equal to the snapshot's).
    func seedExcesses(_ table: [RoleNeedKey: [Excess]]) { excessTable.withLock { $0.merge(table) { old, _ in old } } }
}

/// A role and a need spec: the identity of one excess computation.
struct RoleNeedKey: Hashable, Sendable {
    var roleId: Int
    var spec: NeedSpec
}

extension AuditContext {
    /// The tools and declared features of a member's non-retired register keys.
    func needSpec(of member: MemberView) -> NeedSpec { Self.needSpec(of: member, keysByMember) }

    /// The tools and declared features of a member's non-retired register keys in `keysByMember`.
    static func needSpec(of member: MemberView, _ keysByMember: [String: [RegisterKey]]) -> NeedSpec {
        NeedSpec(keys: (keysByMember[member.key] ?? []).filter { !$0.key.retired }
            .map { ($0.key.tool, $0.key.features) })
    }

    /// The union of the spec's profiles (feature rows per declared features), by catalog entry;
    /// nil when a tool has no profile.
    func needs(_ spec: NeedSpec) -> NeedMap? {
        if let cached = cache.needs(spec) { return cached }
        guard let map = Self.needs(spec, pack: pack, catalog: catalog) else { return nil }
        cache.setNeeds(map, for: spec)
        return map
    }

    /// The needs of `spec` over the entries of `catalog`. An entry's needs depend only on the entry
    /// (the profile rows naming one of its keys), so a catalog that grows as roles arrive gives each
    /// entry it already has the needs the complete catalog gives it.
    static func needs(_ spec: NeedSpec, pack: RulePack, catalog: FunctionCatalog) -> NeedMap? {
        var map: NeedMap = [:]
        for tool in spec.tools {
            guard let profile = pack.tool(tool.id) else { return nil }
            for permission in profile.permissions(for: tool.features) {
                var ranks = OpRanks()
                for (op, rank) in permission.levels { ranks[op] = rank }
                for entry in catalog.entries(matching: permission.module, permission.function) {
                    map[entry, default: OpRanks()].raise(to: ranks)
                }
            }
        }
        return map
    }

    /// Every op of every row of `role` granted above `needs`, sorted by module, function, op.
    func excesses(of role: SecurityRole, rows: [RoleSetting], spec: NeedSpec, needs: NeedMap) -> [Excess] {
        let key = RoleNeedKey(roleId: role.id, spec: spec)
        if let cached = cache.excesses(key) { return cached }
        let result = Self.excesses(rows, entries: roleEntries[role.id] ?? [], needs: needs, catalog: catalog, levels: levels)
        cache.setExcesses(result, for: key)
        return result
    }

    /// Every op of `rows` (whose catalog entries are `entries`) granted above `needs`, sorted.
    static func excesses(_ rows: [RoleSetting], entries: [Int], needs: NeedMap, catalog: FunctionCatalog,
                         levels: LevelTable) -> [Excess] {
        var result: [Excess] = []
        for (position, row) in rows.enumerated() {
            let need = position < entries.count ? needs[entries[position]] ?? OpRanks() : OpRanks()
            for op in PermissionOperation.allCases {
                let level = row.level(op)
                let info = levels.info(level)
                guard info.rank > need[op] else { continue }
                let entry = position < entries.count ? catalog.entries[entries[position]] : nil
                let module = entry?.module ?? row.moduleLabel
                let function = entry?.function ?? row.functionLabel
                result.append(Excess(module: module, function: function, op: op,
                                     granted: info.isKnown ? info.rank.name : (level.raw ?? ""), needed: need[op],
                                     sortKey: module.lowercased() + "\u{1F}" + function.lowercased()))
            }
        }
        result.sort()
        return result
    }

    /// Profile rows of the tools in use that match no settings row of any role: a spelling the
    /// PSA does not have, which would otherwise turn silently into excess. Once per profile row.
    func unmatchedProfileRows() -> [CoverageEntry] {
        guard !catalog.entries.isEmpty, register != nil else { return [] }
        let used = Set(activeAPIMembers.flatMap { needSpec(of: $0).toolIds })
        var entries: [CoverageEntry] = []
        for tool in used.sorted() {
            guard let profile = pack.tool(tool) else { continue }
            for permission in profile.permissions
            where catalog.entries(matching: permission.module, permission.function).isEmpty {
                entries.append(CoverageEntry(
                    area: "tool-profile:\(profile.id)", status: .caveat,
                    detail: "Tool profile '\(profile.id)' row \(permission.module) / \(permission.function) matches no "
                        + "settings row of any role in this PSA (by name, identifier or description): a spelling "
                        + "difference or a function this version lacks. Its levels were applied to nothing; fix the "
                        + "profile row (\(profile.sourceFile)) if the PSA names it differently."))
            }
        }
        return entries
    }
}
