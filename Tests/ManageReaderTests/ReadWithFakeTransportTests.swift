import Foundation
import Testing
@testable import ManageReader

/// Client behaviour against a scripted transport (the simulator tests cover the same over a socket).
@Suite struct ReadWithFakeTransportTests {
    @Test func healthyTenantIsReadLenientlyIntoTheModel() async throws {
        let transport = FakeTransport { Fixtures.healthy($0) }
        let client = ManageClient(configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper),
                                  transport: transport)
        let snapshot = try await client.readSnapshot()
        #expect(snapshot.gaps.isEmpty)
        #expect(snapshot.source == SnapshotSource(site: "api-na.myconnectwise.net", codebase: "v2025_1/",
                                                  apiVersion: "2025.8",
                                                  capturedAt: Date(timeIntervalSince1970: 1_790_000_000)))
        #expect(snapshot.members == [Member(id: 1, identifier: "jdoe", firstName: "J", licenseClass: "F",
                                            securityRole: RoleReference(id: 1, name: "Admin"),
                                            info: ["lastUpdated": "2025-01-01T00:00:00Z"])])
        #expect(snapshot.apiMembers == [APIMember(id: 2, identifier: "svc", name: "Svc",
                                                  securityRole: RoleReference(id: 2))])
        #expect(snapshot.securityRoles.map(\.id) == [1, 2, 3])
        let setting = try #require(snapshot.securityRoles.first?.settings?.first)
        #expect(setting.addLevel.raw == "NONE" && setting.editLevel == .null && setting.deleteLevel.rank == .mine)
        #expect(snapshot.integratorLogins.first?.canAccessAllApisFlag == true)
        #expect(snapshot.scanner?.member == MemberReference(id: 9, identifier: "scanner"))
        // One request per list, one settings list per role, plus company info.
        #expect(transport.requests.all.count == 1 + 5 + 3)
    }

    @Test func requestsCarryVersionedAcceptClientIdAndBasicAuthOnlyWhereNeeded() async throws {
        let transport = FakeTransport { Fixtures.healthy($0) }
        _ = try await ManageClient(configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper),
                                   transport: transport).readSnapshot()
        for request in transport.requests.all {
            let names = request.headers.map(\.name)
            #expect(request.headers.first { $0.name == "Accept" }?.value
                        == "application/vnd.connectwise.com+json; version=2025.8")
            if request.url.path.hasPrefix("/login/companyinfo/") {
                #expect(request.url.absoluteString == "https://api-na.myconnectwise.net/login/companyinfo/acme")
                #expect(!names.contains("Authorization"))
            } else {
                #expect(request.url.path.hasPrefix("/v2025_1/apis/3.0/system/"))
                #expect(request.headers.first { $0.name == "Authorization" }?.value
                            == Fixtures.credentials.authorizationValue)
                #expect(request.headers.first { $0.name == "clientId" }?.value == Fixtures.credentials.clientId)
                let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
                #expect(query.contains(URLQueryItem(name: "pageSize", value: "1000")))
            }
            #expect(!"\(request)".contains("Basic"))
        }
        let members = try #require(transport.requests.all.first { $0.url.path.hasSuffix("/system/members") })
        #expect(members.url.query?.contains("fields=id,identifier,firstName,lastName,licenseClass,inactiveFlag,"
                                            + "securityRole/id,securityRole/name,adminFlag,lastLogin,_info") == true)
    }

    @Test func companyInfoWithoutCodebaseFallsBackToV46Release() async throws {
        let transport = FakeTransport { request in
            request.url.path.hasPrefix("/login/") ? Fixtures.json(#"{"CompanyName":"X"}"#) : Fixtures.healthy(request)
        }
        let snapshot = try await ManageClient(
            configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper), transport: transport
        ).readSnapshot()
        #expect(snapshot.source.codebase == "v4_6_release/")
        #expect(transport.requests.all.dropFirst().allSatisfy { $0.url.path.hasPrefix("/v4_6_release/apis/3.0/") })
    }

    @Test func companyInfoFailureRecordsGapsForEveryArea() async throws {
        let sleeps = RecordingSleeper()
        let transport = FakeTransport { _ in Fixtures.json("nope", status: 404) }
        let snapshot = try await ManageClient(configuration: try Fixtures.configuration(sleeper: sleeps.sleeper),
                                              transport: transport).readSnapshot()
        #expect(snapshot.gaps.map(\.area) == DataArea.allCases)
        #expect(snapshot.gaps.first?.status == 404)
        #expect(transport.requests.all.count == 1)
        #expect(sleeps.delays.all.isEmpty, "a 404 is not retried")
    }

    @Test func hostileCodebaseIsRefused() async throws {
        let transport = FakeTransport { _ in Fixtures.json(#"{"Codebase":"@evil.example/"}"#) }
        let snapshot = try await ManageClient(
            configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper), transport: transport
        ).readSnapshot()
        #expect(snapshot.gaps.first?.area == .companyInfo)
        #expect(snapshot.gaps.first?.detail.contains("not a plain path segment") == true)
        #expect(transport.requests.all.count == 1)
    }

    @Test func retryAfterIsHonouredAndCapped() async throws {
        let sleeps = RecordingSleeper()
        let calls = Recorder<Int>()
        let transport = FakeTransport { request in
            if request.url.path.hasSuffix("/system/integratorlogins") {
                calls.append(1)
                switch calls.all.count {
                case 1: return Fixtures.json(#"{"error":"ConnectWiseAPI","message":"Too many requests"}"#, status: 429,
                                             headers: [("Retry-After", "2")])
                case 2: return Fixtures.json("{}", status: 429, headers: [("retry-after", "600")])
                default: break
                }
            }
            return Fixtures.healthy(request)
        }
        let (logger, lines) = capturingLogger()
        let snapshot = try await ManageClient(
            configuration: try Fixtures.configuration(sleeper: sleeps.sleeper, logger: logger), transport: transport
        ).readSnapshot()
        #expect(snapshot.gaps.isEmpty)
        #expect(sleeps.delays.all == [2, 60])
        #expect(lines.all.contains { $0.contains("retrying /system/integratorlogins after 429, attempt 2/5, waiting 2.0 s") })
    }

    @Test func persistent500GivesUpAfterFiveAttemptsWithCappedBackoff() async throws {
        let sleeps = RecordingSleeper()
        let transport = FakeTransport { request in
            request.url.path.hasSuffix("/system/apiMembers") ? Fixtures.json("oops", status: 503) : Fixtures.healthy(request)
        }
        let snapshot = try await ManageClient(configuration: try Fixtures.configuration(sleeper: sleeps.sleeper),
                                              transport: transport).readSnapshot()
        // Jitter is the identity in tests, so the delays are the ceilings: 0.5 s doubling.
        #expect(sleeps.delays.all == [0.5, 1, 2, 4])
        #expect(transport.requests.all.filter { $0.url.path.hasSuffix("/system/apiMembers") }.count == 5)
        #expect(snapshot.gaps == [ReadGap(area: .apiMembers, endpoint: "/system/apiMembers", status: 503,
                                          detail: "HTTP 503 on /system/apiMembers: oops")])
        #expect(snapshot.apiMembers.isEmpty && !snapshot.isComplete)
    }

    @Test func backoffIsCappedAtEightSecondsWithFullJitter() throws {
        let policy = try Fixtures.configuration(sleeper: .live).retry
        #expect((1...7).map { RetryPolicy.seconds(policy.backoff(afterAttempt: $0)) } == [0.5, 1, 2, 4, 8, 8, 8])
        var jittered = policy
        jittered.jitter = { $0 / 4 }
        #expect(RetryPolicy.seconds(jittered.backoff(afterAttempt: 3)) == 0.5)
        // The reader's defaults, as the contract states them; Retry-After capped at 60 s.
        let defaults = RetryPolicy()
        #expect(defaults.maxAttempts == 5 && defaults.maxRetryAfter == .seconds(60))
        #expect(defaults.retryAfter(" 120 ") == .seconds(60) && defaults.retryAfter("2.5") == .milliseconds(2500))
        #expect(defaults.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == nil && defaults.retryAfter(nil) == nil)
    }

    @Test func transportErrorsAreRetriedThenBecomeAGap() async throws {
        struct Boom: Error {}
        let sleeps = RecordingSleeper()
        let transport = FakeTransport { request in
            if request.url.path.hasSuffix("/system/mySecurity") { throw Boom() }
            return Fixtures.healthy(request)
        }
        let snapshot = try await ManageClient(configuration: try Fixtures.configuration(sleeper: sleeps.sleeper),
                                              transport: transport).readSnapshot()
        #expect(sleeps.delays.all.count == 4)
        #expect(snapshot.gaps.map(\.area) == [.mySecurity])
        #expect(snapshot.gaps.first?.status == nil)
        #expect(snapshot.scanner == nil)
    }

    @Test func otherClientErrorsAreNotRetried() async throws {
        let sleeps = RecordingSleeper()
        let transport = FakeTransport { request in
            request.url.path.hasSuffix("/system/members") ? Fixtures.json(#"{"code":"InvalidObject","message":"bad"}"#, status: 400)
                : Fixtures.healthy(request)
        }
        let snapshot = try await ManageClient(configuration: try Fixtures.configuration(sleeper: sleeps.sleeper),
                                              transport: transport).readSnapshot()
        #expect(sleeps.delays.all.isEmpty)
        #expect(snapshot.gaps == [ReadGap(area: .members, endpoint: "/system/members", status: 400,
                                          detail: "HTTP 400 on /system/members: InvalidObject: bad")])
    }

    @Test func aRetryWaitPastTheDeadlineEndsTheReadInsteadOfWaiting() async throws {
        let sleeps = RecordingSleeper()
        let transport = FakeTransport { request in
            request.url.path.hasSuffix("/system/members")
                ? Fixtures.json("{}", status: 429, headers: [("Retry-After", "3000")]) : Fixtures.healthy(request)
        }
        var configuration = try Fixtures.configuration(sleeper: sleeps.sleeper)
        // The deadline is wall-clock time, so it is far longer than any test run (a loaded machine
        // once took over 50 s to reach this test's first request) and the wait far longer still.
        configuration.retry.maxRetryAfter = .seconds(3600)
        configuration.deadline = .seconds(2000)
        let snapshot = try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
        #expect(sleeps.delays.all.isEmpty)
        #expect(snapshot.gaps.map(\.status) == [429])
        #expect(transport.requests.all.filter { $0.url.path.hasSuffix("/system/members") }.count == 1)
    }

    @Test func anExpiredDeadlineLeavesGapsNotEmptyLists() async throws {
        var configuration = try Fixtures.configuration(sleeper: RecordingSleeper().sleeper)
        configuration.deadline = .zero
        let transport = FakeTransport { Fixtures.healthy($0) }
        let snapshot = try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
        #expect(transport.requests.all.isEmpty)
        #expect(snapshot.gaps.map(\.area) == DataArea.allCases)
        #expect(snapshot.gaps.first?.detail.contains("deadline") == true)
    }

    @Test func forbiddenSelfReadIsReportedByDoctor() async throws {
        let transport = FakeTransport { request in
            request.url.path.hasSuffix("/system/mySecurity") ? Fixtures.json("{}", status: 403) : Fixtures.healthy(request)
        }
        let report = await ManageClient(configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper),
                                        transport: transport).doctor()
        #expect(report.reachable && report.authenticated == true && report.companyName == "Acme MSP")
        #expect(report.problems == ["403 Forbidden on /system/mySecurity: the scanner's security role is not permitted to read it"])
    }

    @Test func doctorListsWriteGrants() async throws {
        let transport = FakeTransport { request in
            request.url.path.hasSuffix("/system/mySecurity")
                ? Fixtures.json(#"[{"moduleName":"System","moduleFunctionName":"Member Maintenance","inquireLevel":"All","addLevel":"All","editLevel":"None","deleteLevel":"My","member":{"identifier":"scan"}}]"#)
                : Fixtures.healthy(request)
        }
        let report = await ManageClient(configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper),
                                        transport: transport).doctor()
        #expect(report.scannerMember?.identifier == "scan")
        #expect(report.writeGrants == [
            DoctorReport.Grant(module: "System", function: "Member Maintenance", operation: .add, level: "All"),
            DoctorReport.Grant(module: "System", function: "Member Maintenance", operation: .delete, level: "My"),
        ])
        #expect(!report.isHealthy)
    }
}
