import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// "Register keys", "Rule scopes" and "Resources in findings".
@Suite struct RegisterRuleTests {
    let tenant = T.snapshot(
        members: [T.apiMember(1, "Active", role: nil), T.apiMember(2, "Sleeping", inactive: true),
                  T.apiMember(3, "jdoe", license: "F")],
        apiMembers: [APIMember(id: 40, identifier: "ListOnly", name: "From list")])

    @Test func orphanReasonsInOrder() throws {
        let register = try T.register("""
            keys:
              - {member: Nobody, description: a, tool: cipp}
              - {member: sleeping, description: b, tool: cipp, retired: true}
              - {member: ACTIVE, description: c, tool: cipp, retired: true}
              - {member: listonly, description: d, tool: cipp}
              - {member: jdoe, description: e, tool: cipp}
            """)
        let result = try T.evaluate(tenant, register: register)
        let reasons = Dictionary(uniqueKeysWithValues: T.findings(result, "orphaned-api-key").map {
            ($0.resource.key ?? "", T.evidence($0, "reasons"))
        })
        #expect(reasons["a"] == .list([.string("member-missing")]))
        #expect(reasons["b"] == .list([.string("member-inactive")]))
        #expect(reasons["c"] == .list([.string("tool-retired")]))
        #expect(reasons["d"] == nil && reasons["e"] == nil)
        #expect(T.cases(result, "orphaned-api-key").count == 5)
    }

    @Test func duplicatesKeepOnlyTheNewestByCreatedUndatedOldestTiesToLaterEntry() throws {
        let register = try T.register("""
            keys:
              - {member: Active, description: newest, tool: cipp, created: 2026-03-01}
              - {member: Active, description: undated, tool: CIPP}
              - {member: active, description: older, tool: cipp, created: 2026-01-01}
              - {member: Active, description: tie-first, tool: msp360, created: 2026-05-05}
              - {member: Active, description: tie-second, tool: msp360, created: 2026-05-05}
              - {member: Active, description: retired-newer, tool: msp360, created: 2026-09-09, retired: true}
            """)
        let result = try T.evaluate(tenant, register: register)
        let flagged = T.findings(result, "orphaned-api-key").filter {
            T.evidence($0, "reasons") == .list([.string("duplicate")])
        }.map { $0.resource.key ?? "" }
        #expect(flagged.sorted() == ["older", "tie-first", "undated"])
        let older = T.findings(result, "orphaned-api-key").first { $0.resource.key == "older" }
        #expect(T.evidence(older, "newerKey") == .object([EvidenceField("key", .string("newest")),
                                                         EvidenceField("registerIndex", .int(0))]))
    }

    @Test func severalReasonsOnOneKeyKeepTheirOrder() throws {
        let register = try T.register("""
            keys:
              - {member: Sleeping, description: old, tool: cipp, created: 2025-01-01}
              - {member: Sleeping, description: new, tool: cipp, created: 2026-01-01}
              - {member: Ghost, description: g1, tool: msp360}
              - {member: ghost, description: g2, tool: msp360}
            """)
        let result = try T.evaluate(tenant, register: register)
        let reasons = Dictionary(uniqueKeysWithValues: T.findings(result, "orphaned-api-key").map {
            ($0.resource.key ?? "", T.evidence($0, "reasons"))
        })
        #expect(reasons["old"] == .list([.string("member-inactive"), .string("duplicate")]))
        #expect(reasons["new"] == .list([.string("member-inactive")]))
        #expect(reasons["g1"] == .list([.string("member-missing"), .string("duplicate")]))
        #expect(reasons["g2"] == .list([.string("member-missing")]))
    }

    @Test func keyResourcesUseTheRegisteredIdentifierDescriptionAndIndex() throws {
        let register = try T.register("keys: [{member: x, description: y, tool: cipp}, {member: ACTIVE, description: Sync, tool: cipp, retired: true}]")
        let finding = try #require(T.findings(try T.evaluate(tenant, register: register), "orphaned-api-key")
            .first { $0.resource.key == "Sync" })
        #expect(finding.resource == ResourceRef(kind: .apiKey, id: 1, identifier: "ACTIVE", name: "Active",
                                                key: "Sync", registerIndex: 1))
        #expect(finding.message.contains("Sync") && finding.message.contains("ACTIVE"))
    }

    @Test func allRetiredMemberIsRegisteredAndUnregisteredOnlyCoversActiveApiMembers() throws {
        let register = try T.register("keys: [{member: active, description: old, tool: cipp, retired: true}]")
        let result = try T.evaluate(tenant, register: register)
        let unregistered = T.findings(result, "unregistered-api-member")
        #expect(unregistered.map(\.resource) == [ResourceRef(kind: .member, id: 40, identifier: "ListOnly", name: "From list")])
        // Inactive API members and full members are out of every member rule's scope.
        #expect(T.cases(result, "unregistered-api-member").map(\.resource.identifier) == ["Active", "ListOnly"])
        #expect(T.cases(result, "shared-api-member").map(\.resource.identifier) == ["Active", "ListOnly"])
    }

    @Test func staleCountsWholeUTCDaysToTheCaptureDateForActiveMembersOfAnyKind() throws {
        let lateCapture = ISO8601DateFormatter().date(from: "2026-11-01T23:59:59Z")!
        let snapshot = T.snapshot(members: tenant.members, capturedAt: lateCapture)
        let register = try T.register("""
            keys:
              - {member: Active, description: limit, tool: cipp, created: 2025-11-01}
              - {member: Active, description: over, tool: cipp, created: 2025-10-31}
              - {member: jdoe, description: human, tool: cipp, created: 2020-01-01}
              - {member: Sleeping, description: asleep, tool: cipp, created: 2020-01-01}
              - {member: Active, description: undated, tool: cipp}
              - {member: Active, description: retired, tool: cipp, created: 2020-01-01, retired: true}
            """)
        let result = try T.evaluate(snapshot, register: register)
        #expect(T.findings(result, "stale-api-key").map { $0.resource.key ?? "" }.sorted() == ["human", "over"])
        let over = T.findings(result, "stale-api-key").first { $0.resource.key == "over" }
        #expect(T.evidence(over, "ageDays") == .int(366))
        #expect(T.outcome(result, "stale-api-key", "Active/limit") == .passed)
        #expect(T.isNotEvaluated(T.outcome(result, "stale-api-key", "Active/undated")))
        #expect(T.cases(result, "stale-api-key").count == 4)
        #expect(result.coverage.contains { $0.area == "key-register" && $0.status == .notEvaluated && $0.detail.contains("Active/undated") })
    }

    @Test func withoutARegisterKeyRulesAreNotEvaluatedNeverPassing() throws {
        let snapshot = T.snapshot(members: [T.apiMember(1, "Api", role: 9)], roles: [SecurityRole(id: 9, name: "R", settings: [])])
        let result = try T.evaluate(snapshot)
        for id in ["orphaned-api-key", "unregistered-api-member", "stale-api-key", "shared-api-member",
                   "shared-member-overbroad-role", "api-member-overbroad-role"] {
            let cases = T.cases(result, id)
            #expect(!cases.isEmpty && cases.allSatisfy { T.isNotEvaluated($0.outcome) }, "\(id)")
        }
        #expect(T.outcome(result, "api-member-admin-role", "Api") == .passed)
        #expect(result.coverage.contains { $0.area == "key-register" && $0.status == .notEvaluated })
        #expect(result.complete)
    }

    @Test func integratorLoginsAndScannerResources() throws {
        let snapshot = T.snapshot(
            members: [T.apiMember(50, "Audit")],
            logins: [IntegratorLogin(id: 7, username: "legacy", canAccessAllRecordsFlag: true),
                     IntegratorLogin(id: 8, username: "off", inactiveFlag: true, canAccessAllApisFlag: true),
                     IntegratorLogin(id: 9, username: "fine", canAccessAllRecordsFlag: false)],
            scanner: ScannerSecurity(member: MemberReference(id: 50, identifier: "Audit"),
                                     settings: [T.row("System", "Security", "All", nil, nil, "Mine")]))
        let result = try T.evaluate(snapshot)
        #expect(T.findings(result, "integrator-login-all-access").map(\.resource)
            == [ResourceRef(kind: .integratorLogin, id: 7, identifier: "legacy")])
        #expect(T.cases(result, "integrator-login-all-access").count == 2)
        let scanner = try #require(T.findings(result, "scanner-key-not-read-only").first)
        #expect(scanner.resource == ResourceRef(kind: .member, id: 50, identifier: "Audit", name: "Audit"))
        let readOnly = T.snapshot(scanner: ScannerSecurity(member: MemberReference(id: 50, identifier: "Audit"),
                                                           settings: [T.row("System", "Security", "All", "none", " NONE", nil)]))
        #expect(T.outcome(try T.evaluate(readOnly), "scanner-key-not-read-only", "Audit") == .passed)
    }
}
