import ManageSimulator
import Testing

@Suite struct PaginationTests {
    /// 60 members: pages of 25 are 25, 25, 10.
    static let tenant = TenantFixture.generated(members: 60, apiMembers: 5, roles: 3, settingsPerRole: 4, integratorLogins: 2)

    @Test func followsNextLinksAcrossPagesUntilNextIsAbsent() async throws {
        try await withSimulator(Self.tenant) { session throws in
            let pages = try session.allPages("/system/members?conditions=id%3E0")
            #expect(pages.map { $0.status } == [200, 200, 200])
            let ids = try pages.flatMap { try #require($0.json().arrayValue) }.compactMap { $0["id"]?.intValue }
            #expect(ids == Array(1...60))
            #expect(pages[0].links.keys.sorted() == ["first", "last", "next"])
            #expect(pages[1].links.keys.sorted() == ["first", "last", "next", "prev"])
            #expect(pages[2].links.keys.sorted() == ["first", "last", "prev"])
            let base = session.server.siteURL + TestSession.apiBase + "/system/members?conditions=id%3E0"
            #expect(pages[0].links["next"] == base + "&page=2&pageSize=25")
            #expect(pages[0].links["last"] == base + "&page=3&pageSize=25")
            #expect(pages[2].links["prev"] == base + "&page=2&pageSize=25")
            #expect(pages[2].links["first"] == base + "&page=1&pageSize=25")
        }
    }

    @Test func pageSizeDefaultsTo25AndIsClampedTo1000() async throws {
        let big = TenantFixture.generated(members: 1_500, apiMembers: 10, roles: 2, settingsPerRole: 2, integratorLogins: 0)
        try await withSimulator(big) { session throws in
            #expect(try session.get("/system/members").json().arrayValue?.count == 25)
            let clamped = try session.get("/system/members?pageSize=5000")
            #expect(try clamped.json().arrayValue?.count == 1000)
            #expect(clamped.links["next"]?.hasSuffix("page=2&pageSize=1000") == true)
            let second = try session.get("/system/members?page=2&pageSize=1000")
            #expect(try second.json().arrayValue?.count == 500)
            #expect(second.links["next"] == nil)
        }
    }

    @Test func pageBeyondTheLastIsEmpty() async throws {
        try await withSimulator(Self.tenant) { session throws in
            let response = try session.get("/system/members?page=9")
            #expect(response.status == 200)
            #expect(try response.json() == .array([]))
            #expect(response.links["next"] == nil)
        }
    }

    @Test func nonIntegerPageIs400() async throws {
        try await withSimulator(Self.tenant) { session throws in
            #expect(try session.get("/system/members?page=two").status == 400)
        }
    }

    @Test func forwardOnlyPagingFollowsPageIdUntilTheLinkIsEmpty() async throws {
        try await withSimulator(Self.tenant) { session throws in
            let pages = try session.allPages("/system/members?pageSize=25", extraHeaders: [("pagination-type", "forward-only")])
            #expect(pages.count == 3)
            #expect(pages[0].links["next"]?.hasSuffix("pageId=25&pageSize=25") == true)
            #expect(pages[2].header("Link") == "")
            let ids = try pages.flatMap { try #require($0.json().arrayValue) }.compactMap { $0["id"]?.intValue }
            #expect(ids == Array(1...60))
        }
    }

    @Test func settingsOfUnknownRoleAre404WithErrorBody() async throws {
        try await withSimulator { session throws in
            let response = try session.get("/system/securityRoles/999/settings")
            #expect(response.status == 404)
            #expect(try response.json()["code"] == "NotFound")
        }
    }

    @Test(arguments: ["/system/securityroles", "/SYSTEM/SecurityRoles", "/system/apimembers", "/system/integratorLogins", "/system/mysecurity"])
    func pathsMatchCaseInsensitively(_ path: String) async throws {
        try await withSimulator { session throws in
            let response = try session.get(path)
            #expect(response.status == 200)
            #expect(try response.json().arrayValue?.isEmpty == false)
        }
    }

    @Test func countAndSingleObjectEndpoints() async throws {
        try await withSimulator { session throws in
            #expect(try session.get("/system/members/count?conditions=licenseClass%3D%22A%22").json() == ["count": 13])
            #expect(try session.get("/system/members/103").json()["lastName"] == "O'Brien")
            #expect(try session.get("/system/members/99999").status == 404)
        }
    }
}
