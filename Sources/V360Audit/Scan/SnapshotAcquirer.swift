import Foundation
import Logging
import ManageReader
import ManageSimulator

/// Gets the tenant snapshot a command works on: from a file, the demo simulator, or a live PSA.
struct SnapshotAcquirer {
    var console: Console
    var logger: Logger

    /// Loads a snapshot file (offline scan).
    /// - Throws: `ReaderError.invalidSnapshot` / `.snapshotIO` naming the file (exit 64).
    func fromFile(_ path: String) throws(ReaderError) -> TenantSnapshot {
        try SnapshotStore.load(from: URL(fileURLWithPath: path))
    }

    /// Serves the demo tenant on a loopback port and reads it over HTTP with the real client.
    /// `capturedAt` is pinned to `DemoTenant.capturedAt` so the demo's reports are reproducible.
    func fromDemo() async throws -> TenantSnapshot {
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let fake = DemoTenant.fixture.credentials
        do {
            let site = try SiteAddress.parse(server.siteURL)
            let (credentials, _) = try Credentials.validated(companyId: fake.companyId, publicKey: fake.publicKey,
                                                             privateKey: fake.privateKey, clientId: fake.clientId)
            let capturedAt = DemoTenant.capturedAt
            let configuration = ReaderConfiguration(site: site, credentials: credentials, now: { capturedAt },
                                                    logger: logger)
            logger.info("Reading the demo tenant from the simulator at \(server.siteURL)")
            let snapshot = try await read(ManageClient(configuration: configuration))
            try await server.shutdown()
            return snapshot
        } catch {
            try? await server.shutdown()
            throw error
        }
    }

    /// Reads a live PSA with the connection options.
    func fromLive(_ options: ConnectionOptions, observers: [any ReadObserver] = []) async throws -> TenantSnapshot {
        let (site, credentials, warnings) = try options.resolve(environment: console.environment)
        for warning in warnings { logger.warning("\(warning)") }
        let configuration = try options.configuration(site: site, credentials: credentials, logger: logger,
                                                      environment: console.environment, now: console.now)
        return try await fromLive(configuration, observers: observers)
    }

    /// Reads a live PSA with a configuration already checked (a fleet's tenant).
    func fromLive(_ configuration: ReaderConfiguration, observers: [any ReadObserver] = []) async throws -> TenantSnapshot {
        let site = configuration.site
        logger.info("Reading \(site.host) as company \(configuration.credentials.companyId), key \(configuration.credentials.maskedPublicKey)")
        do {
            return try await read(console.client(configuration), observers: observers)
        } catch let error as ReaderError where !error.isUsage {
            return Self.failedRead(site: site.host, error: error, logger: logger, at: configuration.now())
        }
    }

    /// A snapshot holding only the gap of a read that failed outright (e.g. 401 on the first request),
    /// so the scan still writes reports that say so (every rule errors) and exits 2.
    static func failedRead(site: String, error: ReaderError, logger: Logger, at date: Date = Date()) -> TenantSnapshot {
        logger.error("\(error.description)")
        let gap = ReadGap(area: .companyInfo, endpoint: error.endpoint ?? "/", status: error.status,
                          detail: error.description)
        return TenantSnapshot(source: SnapshotSource(site: site, capturedAt: date), gaps: [gap])
    }

    /// Reads a snapshot and always shuts the client down.
    private func read(_ client: ManageClient, observers: [any ReadObserver] = []) async throws -> TenantSnapshot {
        let started = ContinuousClock.now
        let snapshot: TenantSnapshot
        do {
            snapshot = try await client.readSnapshot(observers: observers)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        let elapsed = ContinuousClock.now - started
        logger.info("""
            Read \(snapshot.members.count) members, \(snapshot.apiMembers.count) API members, \
            \(snapshot.securityRoles.count) roles, \(snapshot.integratorLogins.count) integrator logins \
            in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))\
            \(snapshot.gaps.isEmpty ? "" : "; \(snapshot.gaps.count) read(s) failed")
            """)
        // One line per status, so a rejected key does not print the same explanation six times.
        var statuses: [Int?] = []
        for gap in snapshot.gaps where !statuses.contains(gap.status) { statuses.append(gap.status) }
        for status in statuses {
            let gaps = snapshot.gaps.filter { $0.status == status }
            let endpoints = gaps.map(\.endpoint).joined(separator: ", ")
            logger.warning("could not read \(endpoints)\(status.map { " (HTTP \($0))" } ?? ""): \(gaps[0].detail)")
        }
        return snapshot
    }
}
