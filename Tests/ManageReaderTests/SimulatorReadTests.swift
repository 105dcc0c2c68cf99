import Foundation
import Testing
import ManageSimulator
@testable import ManageReader

/// The real client against the real simulator over a loopback socket.
@Suite struct SimulatorReadTests {
    @Test func demoTenantIsReadCompletelyWithOnlyGETsAndNoTokens() async throws {
        let harness = try await SimulatorHarness.start()
        let snapshot = try await harness.readSnapshot()
        let tenant = DemoTenant.fixture
        #expect(snapshot.gaps == [])
        #expect(snapshot.members.count == tenant.members.count)
        #expect(snapshot.apiMembers.count == tenant.apiMembers.count)
        #expect(snapshot.securityRoles.count == tenant.securityRoles.count)
        #expect(snapshot.securityRoles.allSatisfy { $0.settings != nil })
        #expect(snapshot.integratorLogins.count == tenant.integratorLogins.count)
        #expect(snapshot.scanner?.member?.identifier?.lowercased() == tenant.scannerMemberIdentifier.lowercased())
        #expect(snapshot.source.codebase == "v2025_1/" && snapshot.source.site == "127.0.0.1")
        let log = harness.server.requestLog()
        #expect(!log.isEmpty)
        #expect(log.allSatisfy { $0.method == "GET" })
        #expect(!log.contains { $0.path.lowercased().contains("token") })
        #expect(log.allSatisfy { $0.status == 200 })
        for entry in log where entry.path.hasPrefix("/login/") {
            #expect(!entry.headerNames.contains("authorization"), "company info needs no credentials")
        }
        for entry in log where !entry.path.hasPrefix("/login/") {
            #expect(entry.headerNames.contains("authorization") && entry.headerNames.contains("clientid"))
        }
        // Minimal requests: company info, five lists, one settings list per role.
        #expect(log.count == 1 + 5 + tenant.securityRoles.count)
    }

    @Test func aSpentRequestBudgetStopsTheReadAndLeavesGaps() async throws {
        // Company info and the five lists fit; the per-role settings lists do not.
        let harness = try await SimulatorHarness.start(requestBudget: 6)
        let snapshot = try await harness.readSnapshot()
        #expect(harness.server.requestLog().count == 6)
        #expect(!snapshot.gaps.isEmpty)
        #expect(snapshot.gaps.allSatisfy { $0.detail.contains("budget of 6 requests") })
        #expect(snapshot.gaps.contains { $0.area == .roleSettings })
    }

    @Test func paginatesAcrossSeveralPagesOfAGeneratedTenant() async throws {
        let tenant = TenantFixture.generated(members: 2345, apiMembers: 30, roles: 12, settingsPerRole: 4,
                                             integratorLogins: 3)
        let harness = try await SimulatorHarness.start(tenant: tenant)
        let snapshot = try await harness.readSnapshot()
        #expect(snapshot.gaps == [])
        let expectedIds = tenant.members.compactMap { $0["id"]?.intValue }
        #expect(snapshot.members.map { $0.id } == expectedIds)
        #expect(harness.requests(endingWith: "/system/members").count == 3)
        #expect(snapshot.securityRoles.allSatisfy { $0.settings?.count == 4 })
    }

    @Test func smallPagesAreAllRead() async throws {
        let harness = try await SimulatorHarness.start(pageSize: 7)
        let snapshot = try await harness.readSnapshot()
        let tenant = DemoTenant.fixture
        #expect(snapshot.gaps == [])
        #expect(snapshot.members.map(\.id) == tenant.members.compactMap { $0["id"]?.intValue })
        #expect(harness.requests(endingWith: "/system/members").count == (tenant.members.count + 6) / 7)
    }

    @Test func throttlingIsRetriedHonouringRetryAfter() async throws {
        let harness = try await SimulatorHarness.start(
            faults: FaultPlan(throttle: .init(every: 4, retryAfterSeconds: 3)))
        let snapshot = try await harness.readSnapshot()
        #expect(snapshot.gaps == [])
        let throttled = harness.server.requestLog().filter { $0.status == 429 }.count
        #expect(throttled > 0)
        #expect(harness.recordedSleeps == Array(repeating: 3, count: throttled))
        #expect(harness.logLines.all.contains { $0.hasPrefix("notice retrying") && $0.contains("after 429") })
    }

    @Test func persistent500GivesUpWithinTheAttemptLimit() async throws {
        let harness = try await SimulatorHarness.start(faults: FaultPlan(pathFaults: [.status(500, on: "/system/integratorlogins")]))
        let snapshot = try await harness.readSnapshot()
        #expect(harness.requests(endingWith: "/system/integratorlogins").count == 5)
        #expect(harness.recordedSleeps.count == 4)
        #expect(harness.recordedSleeps.allSatisfy { $0 <= 8 })
        #expect(snapshot.gaps.map(\.area) == [.integratorLogins])
        #expect(snapshot.gaps.first?.status == 500 && snapshot.gaps.first?.endpoint == "/system/integratorlogins")
        #expect(snapshot.members.count == DemoTenant.fixture.members.count)
    }

    @Test func transient500IsRecovered() async throws {
        let harness = try await SimulatorHarness.start(
            faults: FaultPlan(pathFaults: [.status(503, on: "/system/members", limit: 2)]))
        let snapshot = try await harness.readSnapshot()
        #expect(snapshot.gaps == [])
        #expect(harness.recordedSleeps == [0.5, 1])
    }

    @Test func forbiddenSettingsOfOneRoleIsAGapAndOtherRolesAreRead() async throws {
        let roleId = try #require(DemoTenant.fixture.securityRoles.first?["id"]?.intValue)
        let endpoint = "/system/securityRoles/\(roleId)/settings"
        let harness = try await SimulatorHarness.start(faults: FaultPlan(pathFaults: [.status(403, on: "*" + endpoint)]))
        let snapshot = try await harness.readSnapshot()
        #expect(snapshot.gaps == [ReadGap(area: .roleSettings, endpoint: endpoint, status: 403, roleId: roleId,
                                          detail: "403 Forbidden on \(endpoint): the scanner's security role is not permitted to read it")])
        #expect(snapshot.securityRoles.first { $0.id == roleId }?.settings == nil)
        #expect(snapshot.securityRoles.filter { $0.id != roleId }.allSatisfy { $0.settings != nil })
        #expect(harness.recordedSleeps.isEmpty, "403 is not retried")
    }

    @Test func wrongKeyIsAnAuthenticationFailureAndStopsReading() async throws {
        let harness = try await SimulatorHarness.start(privateKey: "wrong-private-key")
        let snapshot = try await harness.readSnapshot()
        #expect(Set(snapshot.gaps.map(\.area)) == Set(DataArea.allCases).subtracting([.companyInfo]))
        #expect(snapshot.gaps.contains { $0.status == 401 && $0.detail.contains("authentication failed (401)")
                    && $0.detail.contains("whitespace pasted into a key") })
        #expect(harness.requests(endingWith: "/settings").isEmpty)
        #expect(harness.recordedSleeps.isEmpty)
        #expect(snapshot.members.isEmpty && snapshot.scanner == nil)
        // Each list's gap names its own endpoint, whichever request the PSA refused first: the
        // lists are read concurrently, and a report must not depend on which answer came first.
        #expect(snapshot.gaps.count { $0.status == 401 } >= 4)
        for gap in snapshot.gaps where gap.status == 401 {
            #expect(gap.detail.hasPrefix("authentication failed (401) on \(gap.endpoint):"), "\(gap)")
        }
    }

    @Test func truncatedJSONIsADataGapNamingTheEndpoint() async throws {
        let harness = try await SimulatorHarness.start(faults: FaultPlan(pathFaults: [.truncatedBody(on: "/system/apiMembers")]))
        let snapshot = try await harness.readSnapshot()
        let gap = try #require(snapshot.gaps.first)
        #expect(snapshot.gaps.count == 1)
        #expect(gap.area == .apiMembers && gap.endpoint == "/system/apiMembers" && gap.status == nil)
        #expect(gap.detail.hasPrefix("bad data from /system/apiMembers: the response is not valid JSON"))
    }

    @Test func secretsAppearInNoLogLineErrorOrSnapshotFile() async throws {
        let tenant = DemoTenant.fixture
        let good = try await SimulatorHarness.start(faults: FaultPlan(throttle: .init(every: 5, retryAfterSeconds: 1)))
        let snapshot = try await good.readSnapshot()
        let bad = try await SimulatorHarness.start(privateKey: "another-wrong-key")
        let failed = try await bad.readSnapshot()
        let authorization = Credentials(companyId: tenant.credentials.companyId, publicKey: tenant.credentials.publicKey,
                                        privateKey: tenant.credentials.privateKey,
                                        clientId: tenant.credentials.clientId).authorizationValue
        let secrets = [tenant.credentials.privateKey, tenant.credentials.clientId, authorization,
                       String(authorization.dropFirst(6)), "another-wrong-key"]
        let texts = good.logLines.all + bad.logLines.all
            + [String(decoding: try SnapshotStore.encode(snapshot), as: UTF8.self),
               String(decoding: try SnapshotStore.encode(failed), as: UTF8.self)]
            + failed.gaps.map(\.detail)
        #expect(good.logLines.all.contains { $0.contains("GET /v2025_1/apis/3.0/system/members?") })
        #expect(good.logLines.all.contains { $0.range(of: #"^debug GET /v2025_1/apis/3.0/system/securityroles\?\S+ → 200 in \d+ ms \(attempt [1-5]/5\)"#, options: .regularExpression) != nil })
        for text in texts {
            #expect(!text.contains("Basic "))
            for secret in secrets { #expect(!text.contains(secret)) }
        }
    }

    @Test func doctorReportsCodebaseScannerAndWriteGrants() async throws {
        let harness = try await SimulatorHarness.start()
        let report = await harness.client.doctor()
        await harness.stop()
        #expect(report.reachable && report.authenticated == true)
        #expect(report.codebase == "v2025_1/")
        #expect(report.companyName == DemoTenant.fixture.companyName)
        #expect(report.scannerMember?.identifier?.lowercased() == DemoTenant.fixture.scannerMemberIdentifier.lowercased())
        #expect(report.writeGrants.isEmpty == report.problems.isEmpty)
    }

    @Test func doctorWithAWrongKeySaysSo() async throws {
        let harness = try await SimulatorHarness.start(privateKey: "nope")
        let report = await harness.client.doctor()
        await harness.stop()
        #expect(report.reachable && report.authenticated == false && !report.isHealthy)
        #expect(report.problems.first?.contains("authentication failed") == true)
    }
}
