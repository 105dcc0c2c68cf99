import Foundation
import ManageReader
import V360Core

/// The joined, indexed view of one snapshot and register that every check reads from.
struct AuditContext {
    /// A person the register can point at: any member or API member, by identifier.
    struct Person {
        var id: Int
        var identifier: String
        var name: String?
        var active: Bool
    }

    /// A register entry with its index in the register.
    typealias RegisterKey = (index: Int, key: KeyRegister.Key)

    let snapshot: TenantSnapshot
    let pack: RulePack
    let register: KeyRegister?
    /// Active and inactive API members, sorted by resource.
    let apiMembers: [MemberView]
    let rolesById: [Int: SecurityRole]
    /// Every member and API member by lowercased identifier (members records first).
    let people: [String: Person]
    /// Register entries (with their index) by lowercased member identifier.
    let keysByMember: [String: [RegisterKey]]
    /// The UTC date of `capturedAt`.
    let captureDate: CalendarDate
    /// Parsed permission levels of every role and of the scanner.
    let levels: LevelTable
    /// The distinct functions of every role's settings, normalised once.
    let catalog: FunctionCatalog
    /// Per role id, the catalog entry of each settings row (parallel to `settings`).
    let roleEntries: [Int: [Int]]
    /// Per role id, facts worked out during the read (empty when the roles were not prepared).
    let roleFacts: [Int: RoleFacts]
    /// Memoised needs and excesses (a reference, so value copies of the context share it).
    let cache = NeedCache()
    /// Work done during the read for this pack and register (each part checked before use).
    let prepared: PreparedEvaluation?

    /// The context of `snapshot`, taking from `prepared` (made for this pack and register) every
    /// part made from what the snapshot holds.
    init(pack: RulePack, snapshot: TenantSnapshot, register: KeyRegister?, prepared: PreparedEvaluation? = nil) {
        self.pack = pack
        self.snapshot = snapshot
        self.register = register
        self.prepared = prepared
        // Without prepared roles, indexing every settings row is the larger half of this init:
        // it runs on one core while the member lists are joined on the other.
        let preparedRoles = prepared?.roles(for: snapshot)
        let preparedLists = prepared?.lists(for: snapshot)
        if let tally = prepared?.tally {
            for taken in [preparedRoles != nil, preparedLists != nil] { taken ? tally.reused() : tally.redone() }
        }
        let joined: @Sendable () -> ([MemberView], [String: Person]) = {
            if let preparedLists { return preparedLists }
            let views = MemberView.join(members: snapshot.members, apiMembers: snapshot.apiMembers)
            return (views, Self.people(members: snapshot.members, views: views))
        }
        // A thread only when there are rows to index: with the read's roles, the join is all there is.
        let (rolesIndex, lists) = preparedRoles == nil
            ? concurrently({ Self.index(snapshot.securityRoles) }, joined)
            : (nil, joined())
        (apiMembers, people) = lists
        rolesById = Dictionary(snapshot.securityRoles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        keysByMember = prepared?.keysByMember ?? Self.keysByMember(register)
        captureDate = CalendarDate(utc: snapshot.source.capturedAt)
        var levels = LevelTable()
        var catalog = FunctionCatalog()
        var roleEntries: [Int: [Int]] = [:]
        if let roles = preparedRoles {
            (catalog, roleEntries, levels, roleFacts) = (roles.catalog, roles.entries, roles.levels, roles.facts)
            for role in snapshot.securityRoles where role.settings == nil { roleEntries[role.id] = [] }
            cache.seedExcesses(roles.excesses)
        } else {
            roleFacts = [:]
            (levels, catalog, roleEntries) = rolesIndex!
        }
        levels.add(snapshot.scanner?.settings ?? [])
        self.levels = levels
        self.catalog = catalog
        self.roleEntries = roleEntries
    }

    /// The levels, function catalog and per-role catalog entries of `roles`' settings rows.
    static func index(_ roles: [SecurityRole]) -> (LevelTable, FunctionCatalog, [Int: [Int]]) {
        var levels = LevelTable()
        var catalog = FunctionCatalog()
        var entries: [Int: [Int]] = [:]
        for role in roles { levels.add(role.settings ?? []) }
        for role in roles where entries[role.id] == nil {
            entries[role.id] = (role.settings ?? []).map { catalog.index($0) }
        }
        return (levels, catalog, entries)
    }

    /// Every member and API member by lowercased identifier, members records first.
    static func people(members: [Member], views: [MemberView]) -> [String: Person] {
        var people: [String: Person] = [:]
        for m in members where people[m.identifier.lowercased()] == nil {
            people[m.identifier.lowercased()] = Person(id: m.id, identifier: m.identifier, name: m.displayName, active: m.isActive)
        }
        for view in views where people[view.key] == nil {
            people[view.key] = Person(id: view.id, identifier: view.identifier, name: view.name, active: view.active)
        }
        return people
    }

    /// Register entries (with their index) by lowercased member identifier.
    static func keysByMember(_ register: KeyRegister?) -> [String: [RegisterKey]] {
        var keys: [String: [RegisterKey]] = [:]
        for (index, key) in (register?.keys ?? []).enumerated() {
            keys[key.member.lowercased(), default: []].append((index, key))
        }
        return keys
    }

    /// Active API members: the scope of every member rule.
    var activeAPIMembers: [MemberView] { apiMembers.filter(\.active) }

    /// Distinct tool ids (lowercased, sorted) of a member's non-retired register keys.
    func tools(of member: MemberView) -> [String] {
        Set((keysByMember[member.key] ?? []).filter { !$0.key.retired }.map { $0.key.tool.lowercased() }).sorted()
    }

    /// `{kind: apiKey, id, identifier: <member as registered>, key: <description>, registerIndex}`.
    func resource(ofKey index: Int, _ key: KeyRegister.Key) -> ResourceRef {
        let person = people[key.member.lowercased()]
        return ResourceRef(kind: .apiKey, id: person?.id, identifier: key.member, name: person?.name,
                           key: key.description, registerIndex: index)
    }

    /// Gaps that stop a rule judging anything in `areas` (per-role settings gaps are handled per member).
    func wholeGaps(_ areas: [DataArea]) -> [ReadGap] {
        snapshot.gaps.filter { areas.contains($0.area) && !($0.area == .roleSettings && $0.roleId != nil) }
    }

    /// True when member lists are incomplete, so "no such member" cannot be concluded.
    var memberListsIncomplete: Bool { !wholeGaps([.members, .apiMembers]).isEmpty }

    /// A synthetic resource standing for "everything this rule would have judged" when a list failed.
    static func placeholder(_ kind: ResourceRef.Kind, _ label: String) -> ResourceRef {
        ResourceRef(kind: kind, identifier: label)
    }
}
