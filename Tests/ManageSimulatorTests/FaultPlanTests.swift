import Foundation
import ManageSimulator
import Testing

@Suite struct FaultPlanTests {
    @Test func throttlesEveryNthAPIRequestWithRetryAfter() async throws {
        let faults = FaultPlan(throttle: .init(every: 3, retryAfterSeconds: 7))
        try await withSimulator(faults: faults) { session throws in
            let responses = try (1...9).map { _ in try session.get("/system/info") }
            #expect(responses.map(\.status) == [200, 200, 429, 200, 200, 429, 200, 200, 429])
            #expect(responses[8].header("Retry-After") == "7")
            #expect(try responses[8].json()["message"]?.stringValue?.contains("7 seconds") == true)
        }
    }

    @Test func throttlingNeverCountsCompanyInfo() async throws {
        let faults = FaultPlan(throttle: .init(every: 1, retryAfterSeconds: 1))
        try await withSimulator(faults: faults) { session throws in
            #expect(try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/demomsp").status == 200)
            #expect(try session.get("/system/info").status == 429)
        }
    }

    @Test func statusFaultFailsTheFirstKMatchesThenSucceeds() async throws {
        let faults = FaultPlan(pathFaults: [.status(500, on: "/system/members", limit: 2)])
        try await withSimulator(faults: faults) { session throws in
            let statuses = try (1...3).map { _ in try session.get("/system/members").status }
            #expect(statuses == [500, 500, 200])
            #expect(try session.get("/system/apiMembers").status == 200)
        }
    }

    @Test func globPatternHitsOnlyTheNamedRolesSettings() async throws {
        let faults = FaultPlan(pathFaults: [.status(403, on: "*/securityRoles/6/settings")])
        try await withSimulator(faults: faults) { session throws in
            let forbidden = try session.get("/system/securityRoles/6/settings")
            #expect(forbidden.status == 403)
            #expect(try forbidden.json()["code"]?.stringValue?.isEmpty == false)
            #expect(try session.get("/system/securityRoles/7/settings").status == 200)
            #expect(try session.get("/system/securityRoles/6/settings/count").status == 200)
        }
    }

    @Test func statusFaultCanCarryRetryAfter() async throws {
        let faults = FaultPlan(pathFaults: [.status(503, on: "info", limit: 1, retryAfterSeconds: 2)])
        try await withSimulator(faults: faults) { session throws in
            let first = try session.get("/system/info")
            #expect(first.status == 503)
            #expect(first.header("Retry-After") == "2")
            #expect(try session.get("/system/info").status == 200)
        }
    }

    @Test func truncatedBodyIsInvalidJSONWithMatchingLength() async throws {
        let faults = FaultPlan(pathFaults: [.truncatedBody(on: "/system/securityroles")])
        try await withSimulator(faults: faults) { session throws in
            let response = try session.get("/system/securityroles")
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == String(response.body.count))
            #expect(throws: SimulatorError.self) { try response.json() }
        }
    }

    @Test func broadPatternsLeaveCompanyInfoAlone() async throws {
        let faults = FaultPlan(pathFaults: [.status(500, on: "*"), .truncatedBody(on: "/")])
        try await withSimulator(faults: faults) { session throws in
            #expect(try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/demomsp").status == 200)
            #expect(try session.get("/system/members").status == 500)
        }
    }

    @Test func patternNamingCompanyInfoDoesApply() async throws {
        let faults = FaultPlan(pathFaults: [.status(500, on: "/login/companyinfo/*")])
        try await withSimulator(faults: faults) { session throws in
            #expect(try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/demomsp").status == 500)
        }
    }

    @Test func latencyDelaysEveryResponseByAtLeastThePlannedTime() async throws {
        let faults = FaultPlan(latency: .milliseconds(150))
        try await withSimulator(faults: faults) { session throws in
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try session.get("/system/info").status == 200)
            #expect(clock.now - start >= .milliseconds(150))
        }
    }

    @Test(arguments: [
        ("*/settings", "/v2025_1/apis/3.0/system/securityRoles/4/settings", true),
        ("*/settings", "/v2025_1/apis/3.0/system/securityRoles/4/settings/count", false),
        ("SETTINGS", "/v2025_1/apis/3.0/system/securityRoles/4/settings/count", true),
        ("/system/members", "/v2025_1/apis/3.0/system/apiMembers", false),
        ("*", "/login/companyinfo/demo", false),
        ("companyinfo", "/login/companyinfo/demo", true),
    ])
    func patternMatching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(FaultPlan.PathFault.status(500, on: pattern).matches(path: path) == expected)
    }
}
