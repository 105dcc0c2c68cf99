import ManageSimulator
import Testing

@Suite struct CompanyInfoTests {
    @Test func servesCompanyInfoWithoutCredentials() async throws {
        try await withSimulator { session throws in
            let response = try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/DemoMSP")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let body = try response.json()
            #expect(body["Codebase"] == "v2025_1/")
            #expect(body["CompanyID"] == "demomsp")
            #expect(body["IsCloud"] == "False")
            #expect(body["CompanyName"]?.stringValue?.isEmpty == false)
            #expect(body["VersionCode"]?.stringValue != nil && body["VersionNumber"]?.stringValue != nil)
        }
    }

    @Test func unknownCompanyIs404() async throws {
        try await withSimulator { session throws in
            let response = try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/othermsp")
            #expect(response.status == 404)
            #expect(try response.json()["code"] == "NotFound")
        }
    }

    @Test func siteURLNamesLoopbackAndTheChosenPort() async throws {
        try await withSimulator { session throws in
            #expect(session.server.port > 0)
            #expect(session.server.siteURL == "http://127.0.0.1:\(session.server.port)")
        }
    }

    @Test func explicitPortIsUsedAndABusyPortIsABindError() async throws {
        try await withSimulator { first throws in
            let busy = first.server.port
            let error = await #expect(throws: SimulatorError.self) {
                try await SimulatorServer.start(tenant: DemoTenant.fixture, port: busy)
            }
            #expect(error?.description.contains("127.0.0.1:\(busy)") == true)
            try await first.server.shutdown()
            let again = try await SimulatorServer.start(tenant: DemoTenant.fixture, port: busy)
            #expect(again.port == busy)
            try await again.shutdown()
        }
    }
}
