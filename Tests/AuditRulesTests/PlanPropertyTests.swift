import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// The plan's promise over many generated tenants: apply it, evaluate again, and no planned member
/// is overbroad while every need that was met is still met.
@Suite struct PlanPropertyTests {
    /// SplitMix64: a small seeded generator, so a failing tenant can be reproduced from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let functions = [("Companies", "Company Maintenance"), ("Companies", "Contacts"), ("Companies", "CRM/Sales Activities"),
                            ("Service Desk", "Service Tickets"), ("Finance", "Agreements"), ("Finance", "Invoicing"),
                            ("System", "Member Maintenance")]
    static let levels: [String?] = [nil, "None", "None", "My", "All", "All", "Mine"]

    static func tenant(_ rng: inout Generator) throws -> (TenantSnapshot, KeyRegister) {
        var roles: [SecurityRole] = []
        for id in 1...Int.random(in: 1...4, using: &rng) {
            let rows = functions.map { module, function -> RoleSetting in
                // A tenth of the rows carry the screen label only in the description.
                let cut = Int.random(in: 0..<10, using: &rng) == 0
                return RoleSetting(moduleName: module, moduleFunctionName: cut ? String(function.prefix(10)) : function,
                                   moduleFunctionDescription: cut ? function : nil,
                                   addLevel: PermissionLevel(levels.randomElement(using: &rng)!),
                                   editLevel: PermissionLevel(levels.randomElement(using: &rng)!),
                                   deleteLevel: PermissionLevel(levels.randomElement(using: &rng)!),
                                   inquireLevel: PermissionLevel(levels.randomElement(using: &rng)!))
            }
            roles.append(SecurityRole(id: id, name: id == 1 && Bool.random(using: &rng) ? "Admin" : "Role \(id)", settings: rows))
        }
        var members: [Member] = []
        var keys: [String] = []
        for id in 1...Int.random(in: 1...7, using: &rng) {
            let api = Int.random(in: 0..<4, using: &rng) != 0
            let identifier = "M\(id)"
            members.append(T.apiMember(id, identifier, role: Int.random(in: 1...roles.count, using: &rng),
                                       inactive: Int.random(in: 0..<6, using: &rng) == 0 ? true : nil, license: api ? "A" : "F"))
            guard api else { continue }
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let tool = ["alpha", "beta", "beta", "alpha", "mystery"].randomElement(using: &rng)!
                let features = ["", ", features: []", ", features: [activities]"].randomElement(using: &rng)!
                let retired = Int.random(in: 0..<8, using: &rng) == 0 ? ", retired: true" : ""
                keys.append("  - {member: \(identifier), description: k\(keys.count), tool: \(tool)\(features)\(retired)}")
            }
        }
        let register = try T.register(keys.isEmpty ? "keys: []" : "keys:\n" + keys.joined(separator: "\n"))
        return (T.snapshot(members: members, roles: roles), register)
    }

    @Test func applyingThePlanFixesEveryPlannedMemberAndBreaksNoNeed() throws {
        let pack = try PlanTests.pack()
        var planned = 0, lowered = 0
        for seed in UInt64(1)...400 {
            var rng = Generator(state: seed)
            let (snapshot, register) = try Self.tenant(&rng)
            let before = AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil)
            guard !before.plan.isEmpty else { continue }
            planned += 1
            lowered += before.plan.filter { $0.action == .lowerRole }.count
            let applied = PlanApplier.apply(before.plan, to: snapshot)
            let after = AuditEngine.evaluate(pack: pack, snapshot: applied, register: register, waivers: nil)
            let members = Set(before.plan.flatMap { ($0.members ?? []) + ($0.member.map { [$0] } ?? []) }.map { $0.lowercased() })
            let still = after.findings.filter { $0.ruleId.hasSuffix("overbroad-role") && members.contains($0.resource.identifier.lowercased()) }
            #expect(still.isEmpty, "seed \(seed): still overbroad \(still.map(\.resource.identifier))")
            let lost = PlanApplier.metNeeds(snapshot, pack: pack, register: register)
                .subtracting(PlanApplier.metNeeds(applied, pack: pack, register: register))
            #expect(lost.isEmpty, "seed \(seed): needs no longer met \(lost.sorted())")
            // Deterministic: the same inputs give the same plan.
            #expect(AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil).plan == before.plan)
        }
        // The generator must exercise both actions, or the property says little.
        #expect(planned > 100 && lowered > 20, "planned \(planned), lowered \(lowered)")
    }
}
