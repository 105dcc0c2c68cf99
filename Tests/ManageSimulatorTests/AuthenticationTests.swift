import Foundation
import ManageSimulator
import Testing

@Suite struct AuthenticationTests {
    struct BadAuth: CustomTestStringConvertible, Sendable {
        var name: String
        var headers: @Sendable (SimulatorCredentials) -> [(String, String)]
        var testDescription: String { name }
    }

    static func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    static let cases: [BadAuth] = [
        BadAuth(name: "wrong private key") { c in
            [("Authorization", basic("\(c.companyId)+\(c.publicKey):wrong")), ("clientId", c.clientId)]
        },
        BadAuth(name: "wrong public key") { c in
            [("Authorization", basic("\(c.companyId)+nope:\(c.privateKey)")), ("clientId", c.clientId)]
        },
        BadAuth(name: "wrong company") { c in
            [("Authorization", basic("other+\(c.publicKey):\(c.privateKey)")), ("clientId", c.clientId)]
        },
        BadAuth(name: "missing clientId") { c in [("Authorization", basic("\(c.companyId)+\(c.publicKey):\(c.privateKey)"))] },
        BadAuth(name: "wrong clientId") { c in
            [("Authorization", basic("\(c.companyId)+\(c.publicKey):\(c.privateKey)")), ("clientId", "00000000-0000-0000-0000-000000000000")]
        },
        BadAuth(name: "missing Authorization") { c in [("clientId", c.clientId)] },
        BadAuth(name: "not Basic") { c in [("Authorization", "Bearer abc"), ("clientId", c.clientId)] },
        BadAuth(name: "private key with a pasted space") { c in
            [("Authorization", basic("\(c.companyId)+\(c.publicKey): \(c.privateKey)")), ("clientId", c.clientId)]
        },
    ]

    @Test(arguments: cases)
    func rejectsBadCredentialsWith401(_ bad: BadAuth) async throws {
        try await withSimulator { session throws in
            let response = try TestHTTPClient.request(
                port: session.server.port, target: TestSession.apiBase + "/system/members", headers: bad.headers(session.credentials))
            #expect(response.status == 401)
            let body = try response.json()
            #expect(body["code"] == "Unauthorized")
            #expect(body["message"]?.stringValue?.isEmpty == false)
            #expect(!response.text.contains(session.credentials.privateKey))
            #expect(!response.text.contains(session.credentials.clientId))
        }
    }

    @Test func acceptsCorrectCredentialsWithCaseInsensitiveCompanyAndClientId() async throws {
        try await withSimulator { session throws in
            var session = session
            session.credentials.companyId = session.credentials.companyId.uppercased()
            session.credentials.clientId = session.credentials.clientId.uppercased()
            let response = try session.get("/system/members")
            #expect(response.status == 200)
        }
    }

    @Test(arguments: ["POST", "DELETE", "PUT", "PATCH"])
    func rejectsEveryMethodButGetWith405(_ method: String) async throws {
        try await withSimulator { session throws in
            let response = try TestHTTPClient.request(
                port: session.server.port, method: method, target: TestSession.apiBase + "/system/members/201/tokens",
                headers: session.authHeaders)
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET")
            #expect(session.server.requestLog().map(\.method) == [method])
        }
    }

    @Test func headIsRejectedWithoutABody() async throws {
        try await withSimulator { session throws in
            let response = try TestHTTPClient.request(port: session.server.port, method: "HEAD", target: TestSession.apiBase + "/system/members")
            #expect(response.status == 405)
            #expect(response.body.isEmpty)
        }
    }
}
