import Foundation
import ManageReader
import ManageSimulator
import Testing
@testable import AuditRules

/// Work done while the PSA is read changes nothing: a prepared evaluation gives what the snapshot
/// alone gives, whatever order the parts arrived in, and stale work is not used.
@Suite struct PreparedEvaluationTests {
    /// Expects two results to be the same in every field the reports show.
    static func expectSame(_ prepared: AuditResult, _ plain: AuditResult, _ comment: Comment) {
        #expect(prepared.rules == plain.rules, comment)
        #expect(prepared.findings == plain.findings, comment)
        #expect(prepared.coverage == plain.coverage, comment)
        #expect(prepared.inventory == plain.inventory, comment)
        #expect(prepared.complete == plain.complete, comment)
        #expect(prepared.plan == plain.plan, comment)
    }

    /// Tells a preparation what a read of `told` would, `begin` included, in an order scrambled by `seed`.
    static func prepare(_ told: TenantSnapshot, pack: RulePack, register: KeyRegister?, seed: Int) async throws
        -> PreparedEvaluation {
        let preparation = AuditPreparation()
        var calls: [() -> Void] = [{ preparation.didRead(members: told.members) },
                                   { preparation.didRead(apiMembers: told.apiMembers) },
                                   { preparation.begin(pack: pack, register: register) }]
        for role in told.securityRoles where role.settings != nil { calls.append { preparation.didRead(role: role) } }
        let order = calls.indices.sorted { ($0 * 7919 + seed * 104_729) % 1009 < ($1 * 7919 + seed * 104_729) % 1009 }
        for index in order { calls[index]() }
        return try #require(await preparation.prepared())
    }

    @Test func randomTenantsGiveTheSameResultWhateverTheOrderOfArrival() async throws {
        let pack = try PlanTests.pack()
        var judged = 0, caveats = 0, adminEquivalent = 0
        for seed in UInt64(1)...300 {
            var rng = PlanPropertyTests.Generator(state: seed)
            var (snapshot, register) = try PlanPropertyTests.tenant(&rng)
            // Some roles with a level no rank is known for (a caveat, counted as All).
            if seed % 3 == 0 { snapshot.securityRoles[0].settings?[Int(seed) % 7].editLevel = PermissionLevel("Full") }
            // And some roles that are Admin in all but name.
            if seed % 4 == 1, let last = snapshot.securityRoles.indices.last {
                snapshot.securityRoles[last].settings = snapshot.securityRoles[last].settings?.map { row in
                    var row = row
                    (row.inquireLevel, row.addLevel, row.editLevel, row.deleteLevel) = (.init("All"), .init("All"), .init("All"), .init("All"))
                    return row
                }
            }
            let prepared = try await Self.prepare(snapshot, pack: pack, register: register, seed: Int(seed))
            #expect(prepared.roles(for: snapshot) != nil && prepared.lists(for: snapshot) != nil, "seed \(seed)")
            judged += prepared.judgementCount
            let result = AuditEngine.evaluate(prepared, snapshot: snapshot, waivers: nil)
            caveats += result.coverage.filter { $0.area == "role-settings" }.count
            adminEquivalent += result.findings.filter { $0.ruleId == "api-member-admin-equivalent-role" }.count
            Self.expectSame(result, AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil),
                            "seed \(seed)")
        }
        #expect(judged > 100, "the tenants have overbroad members to judge")
        #expect(caveats > 10 && adminEquivalent > 10, "unknown levels and admin-equivalent roles are among them")
    }

    @Test func workOnOtherValuesIsNotUsed() async throws {
        let pack = try PlanTests.pack()
        for seed in UInt64(1)...200 {
            var rng = PlanPropertyTests.Generator(state: seed)
            let (told, register) = try PlanPropertyTests.tenant(&rng)
            // The snapshot evaluated is not what the preparation was told: a role gains rights,
            // another loses its settings, a member moves to another role.
            var snapshot = told
            snapshot.securityRoles[0].settings = snapshot.securityRoles[0].settings?.map { row in
                var row = row
                row.inquireLevel = PermissionLevel("All")
                row.editLevel = PermissionLevel("All")
                return row
            }
            if snapshot.securityRoles.count > 1 { snapshot.securityRoles[1].settings = nil }
            snapshot.members[0].securityRole = RoleReference(id: snapshot.securityRoles.count, name: "moved")
            let prepared = try await Self.prepare(told, pack: pack, register: register, seed: Int(seed))
            #expect(prepared.roles(for: snapshot) == nil)
            Self.expectSame(AuditEngine.evaluate(prepared, snapshot: snapshot, waivers: nil),
                            AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil),
                            "seed \(seed)")
        }
    }

    @Test func theDemoReadOverTheSocketIsPreparedAsItArrives() async throws {
        let pack = try RulePack.bundled()
        let register = try KeyRegister.parse(DemoTenant.registerYAML, fileName: "demo-register.yml")
        let preparation = AuditPreparation()
        preparation.begin(pack: pack, register: register)
        let snapshot = try await DemoPlanTests.demoSnapshot(observers: [preparation])
        let prepared = try #require(await preparation.prepared())
        #expect(prepared.roles(for: snapshot) != nil && prepared.lists(for: snapshot) != nil)
        #expect(prepared.judgementCount >= 4, "the demo's overbroad members were judged during the read")
        let result = AuditEngine.evaluate(prepared, snapshot: snapshot, waivers: nil)
        #expect(result.findings.contains { $0.ruleId == "api-member-overbroad-role" })
        Self.expectSame(result, AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: nil),
                        "demo")
    }
}
