import Foundation
import Testing
@testable import ManageReader

@Suite struct PaginationFakeTests {
    static let base = "https://api-na.myconnectwise.net/v2025_1/apis/3.0"

    /// Members served in pages of two from `total` rows, with `Link` headers built by `link`.
    static func pagedMembers(total: Int, link: @escaping @Sendable (_ page: Int, _ last: Int) -> String?)
        -> @Sendable (ReadRequest) -> HTTPResponse {
        { request in
            guard request.url.path.hasSuffix("/system/members") else { return Fixtures.healthy(request) }
            let page = ListReader.pageNumber(request.url) ?? 1
            let last = (total + 1) / 2
            let rows = (page * 2 - 1...min(page * 2, total)).map { #"{"id":\#($0),"identifier":"m\#($0)"}"# }
            let headers = link(page, last).map { [(name: "Link", value: $0)] } ?? []
            return Fixtures.json("[" + rows.joined(separator: ",") + "]", headers: headers)
        }
    }

    static func links(_ page: Int, _ last: Int, host: String = base) -> String? {
        var parts: [String] = []
        if page < last { parts.append("<\(host)/system/members?pageSize=2&page=\(page + 1)>; rel=\"next\"") }
        parts.append("<\(host)/system/members?pageSize=2&page=\(last)>; rel=\"last\"")
        return parts.joined(separator: ", ")
    }

    func read(_ respond: @escaping @Sendable (ReadRequest) -> HTTPResponse) async throws -> (TenantSnapshot, FakeTransport) {
        let transport = FakeTransport(respond: respond)
        let snapshot = try await ManageClient(
            configuration: try Fixtures.configuration(sleeper: RecordingSleeper().sleeper), transport: transport
        ).readSnapshot()
        return (snapshot, transport)
    }

    @Test func followsLastLinkConcurrentlyInOrder() async throws {
        let (snapshot, transport) = try await read(Self.pagedMembers(total: 9) { Self.links($0, $1) })
        #expect(snapshot.gaps.isEmpty)
        #expect(snapshot.members.map(\.id) == Array(1...9))
        #expect(transport.requests.all.filter { $0.url.path.hasSuffix("/system/members") }.count == 5)
    }

    @Test func followsNextOnlyWhenThereIsNoLastLink() async throws {
        let (snapshot, _) = try await read(Self.pagedMembers(total: 7) { page, last in
            page < last ? "<\(Self.base)/system/members?page=\(page + 1)&pageSize=2>; rel=\"next\"" : nil
        })
        #expect(snapshot.gaps.isEmpty)
        #expect(snapshot.members.map(\.id) == Array(1...7))
    }

    @Test func linkToAForeignHostIsAGapNotAFollow() async throws {
        let (snapshot, transport) = try await read(Self.pagedMembers(total: 6) { page, last in
            Self.links(page, last, host: "https://evil.example/v2025_1/apis/3.0")
        })
        #expect(transport.requests.all.allSatisfy { $0.url.host == "api-na.myconnectwise.net" })
        #expect(snapshot.members.map(\.id) == [1, 2])
        let gap = try #require(snapshot.gaps.first)
        #expect(gap.area == .members && gap.endpoint == "/system/members" && gap.status == nil)
        #expect(gap.detail.contains("evil.example is not the configured site"))
    }

    @Test func linkToAnotherPortOrSchemeIsRefused() async throws {
        for host in ["https://api-na.myconnectwise.net:8443/v2025_1/apis/3.0", "http://api-na.myconnectwise.net/v2025_1/apis/3.0"] {
            let (snapshot, transport) = try await read(Self.pagedMembers(total: 4) { page, last in
                page < last ? "<\(host)/system/members?page=\(page + 1)>; rel=\"next\"" : nil
            })
            #expect(transport.requests.all.allSatisfy { $0.url.port == nil && $0.url.scheme == "https" })
            #expect(snapshot.gaps.map(\.area) == [.members])
        }
    }

    @Test func aRepeatedNextLinkStopsWithAGap() async throws {
        let (snapshot, transport) = try await read(Self.pagedMembers(total: 8) { _, _ in
            "<\(Self.base)/system/members?page=2&pageSize=2>; rel=\"next\""
        })
        #expect(transport.requests.all.filter { $0.url.path.hasSuffix("/system/members") }.count == 2)
        #expect(snapshot.gaps.first?.detail.contains("already read") == true)
    }

    @Test func pageCapStopsWithAGap() async throws {
        for maxPages in [1, 3] {
            let transport = FakeTransport(respond: Self.pagedMembers(total: 9) { Self.links($0, $1) })
            var configuration = try Fixtures.configuration(sleeper: RecordingSleeper().sleeper)
            configuration.maxPages = maxPages
            let snapshot = try await ManageClient(configuration: configuration, transport: transport).readSnapshot()
            #expect(transport.requests.all.filter { $0.url.path.hasSuffix("/system/members") }.count == maxPages)
            #expect(snapshot.members.count == maxPages * 2)
            #expect(snapshot.gaps.map(\.detail) == ["bad data from /system/members: more than \(maxPages) pages; the rest was not read"])
        }
    }

    @Test func tokensLinkIsNeverRequested() async throws {
        let (snapshot, transport) = try await read(Self.pagedMembers(total: 4) { page, _ in
            page == 1 ? "<\(Self.base)/system/members/1/tokens?page=2>; rel=\"next\"" : nil
        })
        #expect(!transport.requests.all.contains { $0.url.path.contains("tokens") })
        #expect(snapshot.gaps.first?.detail.contains("/tokens") == true)
    }

    @Test func readRequestRefusesTokensPaths() {
        #expect(throws: ReaderError.self) {
            try ReadRequest(url: URL(string: "https://h/v/apis/3.0/system/members/5/TOKENS")!, headers: [], timeout: .seconds(1))
        }
    }

    @Test func linkHeaderParsing() {
        let header = LinkHeader([#"<https://h/a?fields=id,name&page=2>; rel="next", <https://h/a?page=9>; rel="last""#])
        #expect(header.next == "https://h/a?fields=id,name&page=2")
        #expect(header.last == "https://h/a?page=9")
        #expect(LinkHeader([]).next == nil)
    }
}
