import Foundation
import ManageReader
import V360Core

/// What an ``AuditPreparation`` worked out while the PSA was still being read, for one rule pack
/// and register: the joined member lists, the function catalog and parsed levels of the roles read
/// so far, and the overbroad judgement (finding, fingerprint and all) of each API member whose
/// role had arrived.
///
/// The evaluation takes each part only where the finished snapshot holds what it was made from —
/// the same lists, every role with settings and no other, the same member, role and register spec
/// — and works the rest out as it would have. So a prepared evaluation gives the same result, byte
/// for byte, as one from the snapshot alone; the checks are cheap because the values share storage.
public struct PreparedEvaluation: Sendable {
    /// One member's judgement by one rule, with what it was judged on.
    struct Judgement: Sendable {
        var member: MemberView
        var role: SecurityRole
        var spec: NeedSpec
        var output: EvaluationOutput
    }

    /// A rule and a member (id and identifier, as a resource names them).
    struct JudgementKey: Hashable, Sendable {
        var ruleId: String
        var memberId: Int
        var identifier: String
    }

    /// The pack the work was done for (the evaluation uses this one).
    let pack: RulePack
    /// The register the work was done for (the evaluation uses this one).
    let register: KeyRegister?
    /// The register's keys by lowercased member identifier (the context takes these).
    let keysByMember: [String: [AuditContext.RegisterKey]]
    private var members: [Member]?
    private var apiMembers: [APIMember]?
    private var views: [MemberView]?
    private var people: [String: AuditContext.Person] = [:]
    /// Active API members by role id, once both lists are in.
    private var holders: [Int: [MemberView]] = [:]
    private var roles: [Int: SecurityRole] = [:]
    /// Set when a role id was told twice: the catalog is then not reused (the context keeps the first).
    private var repeatedRole = false
    private var catalog = FunctionCatalog()
    private var levels = LevelTable()
    private var roleEntries: [Int: [Int]] = [:]
    private var roleFacts: [Int: RoleFacts] = [:]
    private var excesses: [RoleNeedKey: [Excess]] = [:]
    private var judgements: [JudgementKey: Judgement] = [:]
    /// Roles read before both member lists, judged once they are in.
    private var waiting: [SecurityRole] = []
    /// Findings judged since the last ``takeFindings()``.
    private var fresh: [Finding] = []
    private let overbroadRules: [RuleDefinition]
    /// What the evaluation took of this work (the lists, the roles, each judgement) and what it
    /// worked out again: shared by every copy, counted by ``AuditContext`` and ``OverbroadCheck``.
    let tally = ReuseTally()

    /// Nothing worked out yet, for `pack` and `register`.
    init(pack: RulePack, register: KeyRegister?) {
        self.pack = pack
        self.register = register
        keysByMember = AuditContext.keysByMember(register)
        overbroadRules = register == nil ? [] : pack.rules.filter {
            $0.check == .sharedMemberOverbroadRole || $0.check == .singleToolOverbroadRole
        }
    }

    /// Takes the `/system/members` list.
    mutating func add(members list: [Member]) {
        members = list
        joinWhenBothListsAreIn()
    }

    /// Takes the `/system/apiMembers` list.
    mutating func add(apiMembers list: [APIMember]) {
        apiMembers = list
        joinWhenBothListsAreIn()
    }

    /// Takes a role with its settings: indexes its rows and judges its API members.
    mutating func add(role: SecurityRole) {
        guard roles[role.id] == nil else { repeatedRole = true; return }
        let rows = role.settings ?? []
        roles[role.id] = role
        roleEntries[role.id] = rows.map { catalog.index($0) }
        levels.add(rows)
        roleFacts[role.id] = RoleFacts(rows, levels: levels)
        if views == nil { waiting.append(role) } else { judge(role) }
    }

    private mutating func joinWhenBothListsAreIn() {
        guard let members, let apiMembers else { return }
        let views = MemberView.join(members: members, apiMembers: apiMembers)
        self.views = views
        people = AuditContext.people(members: members, views: views)
        for view in views where view.active {
            if let id = view.role?.id { holders[id, default: []].append(view) }
        }
        for role in waiting { judge(role) }
        waiting = []
    }

    /// What ``OverbroadCheck`` decides for each holder of `role` that it would judge on the role's
    /// excesses (every tool has a profile): the same code on the same values.
    private mutating func judge(_ role: SecurityRole) {
        guard !overbroadRules.isEmpty, let rows = role.settings else { return }
        for member in holders[role.id] ?? [] {
            let spec = AuditContext.needSpec(of: member, keysByMember)
            let tools = spec.toolIds
            for rule in overbroadRules {
                let shared = rule.check == .sharedMemberOverbroadRole
                guard shared ? tools.count >= 2 : tools.count == 1 else { continue }
                let key = RoleNeedKey(roleId: role.id, spec: spec)
                let excess: [Excess]
                if let known = excesses[key] {
                    excess = known
                } else {
                    // No needs without every tool's profile: the final check reports that itself.
                    guard let needs = AuditContext.needs(spec, pack: pack, catalog: catalog) else { continue }
                    excess = AuditContext.excesses(rows, entries: roleEntries[role.id] ?? [], needs: needs,
                                                   catalog: catalog, levels: levels)
                    excesses[key] = excess
                }
                let output = OverbroadCheck.judgement(rule, member: member, role: role, tools: tools, excess: excess,
                                                      shared: shared)
                judgements[JudgementKey(ruleId: rule.id, memberId: member.id, identifier: member.identifier)] = Judgement(
                    member: member, role: role, spec: spec, output: output)
                for judged in output.cases { if case .failed(let finding) = judged.outcome { fresh.append(finding) } }
            }
        }
    }

    /// The joined lists, when `snapshot` holds the lists they were joined from.
    func lists(for snapshot: TenantSnapshot) -> (views: [MemberView], people: [String: AuditContext.Person])? {
        guard let views, members == snapshot.members, apiMembers == snapshot.apiMembers else { return nil }
        return (views, people)
    }

    /// The catalog, entries, levels, facts and excesses of the roles, when they are exactly the
    /// snapshot's roles with settings (no role missing, none extra, no id twice).
    func roles(for snapshot: TenantSnapshot) -> PreparedRoles? {
        guard !repeatedRole else { return nil }
        var seen = Set<Int>()
        var told = 0
        for role in snapshot.securityRoles {
            guard seen.insert(role.id).inserted else { return nil }
            if role.settings == nil {
                guard roles[role.id] == nil else { return nil }
            } else {
                guard roles[role.id] == role else { return nil }
                told += 1
            }
        }
        guard told == roles.count else { return nil }
        return PreparedRoles(catalog: catalog, entries: roleEntries, levels: levels, facts: roleFacts, excesses: excesses)
    }

    /// The findings judged since the last call (for rendering them while the read goes on).
    mutating func takeFindings() -> [Finding] {
        defer { fresh = [] }
        return fresh
    }

    /// How many member judgements were made (what the tests check the preparation by).
    var judgementCount: Int { judgements.count }

    /// The pieces an evaluation can take: the joined lists, the indexed roles, each judgement.
    public var pieceCount: Int { 2 + judgements.count }

    /// What the evaluations so far took of this work, and what they worked out again.
    public var reuse: ReuseTally.Counts { tally.current }

    /// The judgement of `member` by rule `ruleId`, when it was made on this member, role and spec.
    func judgement(_ ruleId: String, member: MemberView, role: SecurityRole, spec: NeedSpec) -> EvaluationOutput? {
        guard let judged = judgements[JudgementKey(ruleId: ruleId, memberId: member.id, identifier: member.identifier)],
              judged.member == member, judged.spec == spec, judged.role == role else { return nil }
        return judged.output
    }
}
