import Foundation
import ManageSimulator
import Testing

@Suite struct RequestLogTests {
    @Test func logsMethodPathQueryStatusAndHeaderNamesOnly() async throws {
        try await withSimulator { session throws in
            _ = try TestHTTPClient.request(port: session.server.port, target: "/login/companyinfo/demomsp")
            _ = try session.get("/system/members?pageSize=1000&fields=id")
            _ = try TestHTTPClient.request(port: session.server.port, target: TestSession.apiBase + "/system/info")
            let log = session.server.requestLog()
            #expect(log.map(\.status) == [200, 200, 401])
            #expect(log.map(\.method) == ["GET", "GET", "GET"])
            #expect(log[1].path == "/v2025_1/apis/3.0/system/members")
            #expect(log[1].query == "pageSize=1000&fields=id")
            #expect(log[1].headerNames.contains("authorization"))
            #expect(log[1].headerNames.contains("clientid"))
            #expect(log[1].description == "GET /v2025_1/apis/3.0/system/members?pageSize=1000&fields=id -> 200")
            let everything = log.map { "\($0) \($0.headerNames)" }.joined(separator: "\n")
            let authorization = try #require(session.authHeaders.first { $0.0 == "Authorization" }?.1)
            for secret in [session.credentials.privateKey, session.credentials.clientId, authorization] {
                #expect(!everything.contains(secret))
            }
            session.server.clearRequestLog()
            #expect(session.server.requestLog().isEmpty)
        }
    }

    @Test func logIsSafeUnderConcurrentRequests() async throws {
        try await withSimulator { session throws in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<16 {
                    group.addTask { try session.get("/system/securityRoles/\(index % 13 + 1)/settings").status }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(session.server.requestLog().count == 16)
        }
    }
}

@Suite struct ConnectionTests {
    @Test func keepAliveConnectionServesSeveralRequests() async throws {
        try await withSimulator { session throws in
            let auth = session.authHeaders.map { "\($0.0): \($0.1)\r\n" }.joined()
            let first = "GET \(TestSession.apiBase)/system/info HTTP/1.1\r\nHost: x\r\n\(auth)\r\n"
            let second = "GET \(TestSession.apiBase)/system/securityroles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\(auth)\r\n"
            let received = try TestHTTPClient.exchange(port: session.server.port, bytes: Array((first + second).utf8))
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
            #expect(session.server.requestLog().map(\.status) == [200, 200])
        }
    }
}
