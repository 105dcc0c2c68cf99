import Foundation
import Logging
import V360Core

/// The read-only ConnectWise Manage client: reads a ``TenantSnapshot`` and runs `doctor` checks.
///
/// It can only issue GETs, never calls a `/tokens` endpoint, and sends credentials to the
/// configured origin only. Failed reads become ``ReadGap``s in the snapshot, never empty lists.
public struct ManageClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: ReaderConfiguration
    let transport: any HTTPTransport

    /// Creates a client over any transport (tests, fakes).
    public init(configuration: ReaderConfiguration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    /// Creates a client over the real AsyncHTTPClient transport.
    public init(configuration: ReaderConfiguration) {
        // Settings reads, extra list pages and the other lists may all be in flight at once.
        self.init(configuration: configuration,
                  transport: AsyncHTTPTransport(connectionsPerHost: configuration.concurrency * 2 + 4,
                                                readTimeout: configuration.requestTimeout, proxy: configuration.proxy,
                                                trustedCertificates: configuration.trustedCertificates))
    }

    /// Releases the transport's connections.
    public func shutdown() async { await transport.shutdown() }

    /// Reads the tenant: company info first, then every list concurrently (per-role settings with
    /// bounded concurrency, overlapping the other lists).
    /// - Parameter observers: told about the member lists and each role as they arrive.
    /// - Throws: only configuration problems (a site that must not be contacted); PSA read
    ///   failures become gaps in the returned snapshot.
    public func readSnapshot(observers: [any ReadObserver] = []) async throws(ReaderError) -> TenantSnapshot {
        try configuration.site.requireSecureTransport()
        // Whole seconds: the snapshot file stores ISO-8601 without fractions, so a saved snapshot
        // decodes to the same value.
        let capturedAt = Date(timeIntervalSince1970: configuration.now().timeIntervalSince1970.rounded(.down))
        let executor = RequestExecutor(configuration: configuration, transport: transport)
        var snapshot = TenantSnapshot(source: SnapshotSource(site: configuration.site.host, codebase: nil,
                                                             apiVersion: configuration.apiVersion, capturedAt: capturedAt))
        let info: CompanyInfo
        switch await CompanyInfo.read(with: executor) {
        case .failure(let error):
            snapshot.gaps = [Self.gap(area: .companyInfo, endpoint: CompanyInfo.endpoint, error)]
                + Self.unreadAreas.map { ReadGap(area: $0.area, endpoint: $0.path, status: nil,
                                                 detail: "not read: \(executor.redact(error.description))") }
            return snapshot
        case .success(let value): info = value
        }
        snapshot.source.codebase = info.codebase
        let reader = ListReader(executor: executor, base: "\(configuration.site.origin)/\(info.codebase)apis/3.0")

        async let members = Self.told(await reader.read(.members) { try $0.member() }) { rows in
            for observer in observers { observer.didRead(members: rows) }
        }
        async let apiMembers = Self.told(await reader.read(.apiMembers) { try $0.apiMember() }) { rows in
            for observer in observers { observer.didRead(apiMembers: rows) }
        }
        async let roles = readRoles(reader, observers: observers)
        async let logins = Self.told(await reader.read(.integratorLogins) { try $0.integratorLogin() }) { rows in
            for observer in observers { observer.didRead(integratorLogins: rows) }
        }
        async let mySecurity = Self.withScanner(await reader.read(.mySecurity) { $0.mySecurityRow() }, told: observers)

        let (memberList, apiMemberList, roleList) = await (members, apiMembers, roles)
        let (loginList, (securityList, scanner)) = await (logins, mySecurity)
        snapshot.members = memberList.rows
        snapshot.apiMembers = apiMemberList.rows
        snapshot.securityRoles = roleList.roles
        snapshot.integratorLogins = loginList.rows
        snapshot.scanner = scanner
        func gaps(_ endpoint: ListEndpoint, _ error: ReaderError?) -> [ReadGap] {
            error.map { [Self.gap(endpoint, $0)] } ?? []
        }
        let all = gaps(.members, memberList.error) + gaps(.apiMembers, apiMemberList.error) + roleList.gaps
            + gaps(.integratorLogins, loginList.error) + gaps(.mySecurity, securityList.error)
        // Details come from server bodies and transport errors: redact once more on the way out.
        snapshot.gaps = all.map { gap in
            var gap = gap
            gap.detail = executor.redact(gap.detail)
            return gap
        }
        return snapshot
    }

    /// The role list, then each role's settings (bounded concurrency); a failed settings read
    /// leaves that role's `settings` nil with a gap naming the role.
    private func readRoles(_ reader: ListReader, observers: [any ReadObserver]) async -> (roles: [SecurityRole], gaps: [ReadGap]) {
        let list = await reader.read(.securityRoles) { try $0.securityRole() }
        for observer in observers { observer.didRead(roles: list.rows) }
        var gaps = list.error.map { [Self.gap(.securityRoles, $0)] } ?? []
        if list.error != nil, list.rows.isEmpty {
            gaps.append(ReadGap(area: .roleSettings, endpoint: "/system/securityRoles/{id}/settings", status: nil,
                                detail: "not read: the role list could not be read"))
        }
        let settings = await list.rows.boundedMap(limit: configuration.concurrency) { role in
            let result = await reader.read(.roleSettings(role.id), fast: RoleSettingsPage.decode) { $0.roleSetting() }
            if result.error == nil, !observers.isEmpty {
                var read = role
                read.settings = result.rows
                for observer in observers { observer.didRead(role: read) }
            }
            return result
        }
        var roles = list.rows
        for index in roles.indices {
            let result = settings[index]
            if let error = result.error {
                gaps.append(Self.gap(.roleSettings(roles[index].id), error))
            } else {
                roles[index].settings = result.rows
            }
        }
        return (roles, gaps)
    }

    /// The scanner's security from a complete `/system/mySecurity` read (nil when it failed), told
    /// to observers as soon as it is known.
    private static func withScanner(_ list: ListReader.ListResult<(setting: RoleSetting, member: MemberReference?)>,
                                    told observers: [any ReadObserver])
        -> (ListReader.ListResult<(setting: RoleSetting, member: MemberReference?)>, ScannerSecurity?) {
        guard list.error == nil else { return (list, nil) }
        let scanner = ScannerSecurity(member: list.rows.lazy.compactMap(\.member).first, settings: list.rows.map(\.setting))
        for observer in observers { observer.didRead(scanner: scanner) }
        return (list, scanner)
    }

    /// Tells observers about a list as read (rows and all, failed or not: what the snapshot holds).
    private static func told<Row>(_ result: ListReader.ListResult<Row>,
                                  _ tell: ([Row]) -> Void) -> ListReader.ListResult<Row> {
        tell(result.rows)
        return result
    }

    /// The areas read after company info, with the endpoint each comes from.
    static let unreadAreas: [(area: DataArea, path: String)] = [
        (.members, ListEndpoint.members.path), (.apiMembers, ListEndpoint.apiMembers.path),
        (.securityRoles, ListEndpoint.securityRoles.path), (.roleSettings, "/system/securityRoles/{id}/settings"),
        (.integratorLogins, ListEndpoint.integratorLogins.path), (.mySecurity, ListEndpoint.mySecurity.path),
    ]

    /// The gap a failed list read leaves.
    static func gap(_ endpoint: ListEndpoint, _ error: ReaderError) -> ReadGap {
        gap(area: endpoint.area, endpoint: endpoint.path, error, roleId: endpoint.roleId)
    }

    /// A gap from an error. A request skipped after a 401 or an unfixable transport failure
    /// elsewhere carries that error named for its own endpoint (``RequestExecutor``), so the gaps
    /// do not depend on which of the concurrent requests failed first.
    static func gap(area: DataArea, endpoint: String, _ error: ReaderError, roleId: Int? = nil) -> ReadGap {
        ReadGap(area: area, endpoint: endpoint, status: error.status, roleId: roleId, detail: error.description)
    }
}
