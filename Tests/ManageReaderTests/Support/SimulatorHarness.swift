import Foundation
import Logging
import ManageSimulator
@testable import ManageReader

/// Starts a simulator, reads it with the real AsyncHTTPClient transport, and tears both down.
struct SimulatorHarness {
    let server: SimulatorServer
    let sleeps: RecordingSleeper
    let logLines: Recorder<String>
    let client: ManageClient

    static func start(
        tenant: TenantFixture = DemoTenant.fixture, faults: FaultPlan = .none, pageSize: Int = 1000,
        privateKey: String? = nil, concurrency: Int = 8, requestBudget: Int = 10_000
    ) async throws -> SimulatorHarness {
        let server = try await SimulatorServer.start(tenant: tenant, faults: faults)
        let (logger, lines) = capturingLogger()
        let fake = tenant.credentials
        let credentials = Credentials(companyId: fake.companyId, publicKey: fake.publicKey,
                                      privateKey: privateKey ?? fake.privateKey, clientId: fake.clientId)
        let sleeps = RecordingSleeper()
        let configuration = try Fixtures.configuration(site: server.siteURL, sleeper: sleeps.sleeper, logger: logger,
                                                       pageSize: pageSize, concurrency: concurrency,
                                                       credentials: credentials, requestBudget: requestBudget)
        return SimulatorHarness(server: server, sleeps: sleeps, logLines: lines,
                                client: ManageClient(configuration: configuration))
    }

    var recordedSleeps: [Double] { sleeps.delays.all }

    /// Reads a snapshot and shuts everything down.
    func readSnapshot() async throws -> TenantSnapshot {
        do {
            let snapshot = try await client.readSnapshot()
            await stop()
            return snapshot
        } catch {
            await stop()
            throw error
        }
    }

    func stop() async {
        await client.shutdown()
        try? await server.shutdown()
    }

    /// Requests the simulator saw for paths ending with `suffix`.
    func requests(endingWith suffix: String) -> [LoggedRequest] {
        server.requestLog().filter { $0.path.hasSuffix(suffix) }
    }
}
