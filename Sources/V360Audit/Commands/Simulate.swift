import ArgumentParser
import Foundation
import ManageSimulator

extension V360AuditCommand {
    /// `v360audit simulate`: serve a tenant fixture over the ConnectWise API shape on loopback.
    struct Simulate: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Serve a tenant fixture (default: the demo tenant) on 127.0.0.1 until Ctrl-C.",
            discussion: """
                Prints the connection as KEY=VALUE lines once listening, so this works:
                  v360audit simulate > sim.env &
                  set -a; . ./sim.env; set +a; v360audit scan
                The credentials are the fixture's fake ones.
                """
        )

        @Option(help: ArgumentHelp("A tenant fixture file (JSON).", valueName: "file"))
        var tenant: String?

        @Flag(name: .customLong("next-night"),
              help: "Serve the demo tenant one night later: a planted change of every kind, to try the nightly recipe.")
        var nextNight = false

        @Option(help: "The port (0 picks a free one).")
        var port = 0

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            if nextNight && tenant != nil { throw ValidationError("--next-night and --tenant cannot be used together") }
        }

        func execute(console: Console) async throws -> Int32 {
            let demo = nextNight ? DemoTenant.nextNight : DemoTenant.fixture
            let fixture = try tenant.map { try TenantFixture.load(from: URL(fileURLWithPath: $0)) } ?? demo
            // Listen for signals before announcing the server, so an early Ctrl-C is not lost.
            let waiter = SignalWaiter(signals: [SIGINT, SIGTERM])
            return try await Self.serve(fixture, port: port, label: tenant ?? (nextNight ? "the demo tenant, one night later" : "the demo tenant"), console: console) {
                await waiter.wait()
            }
        }

        /// Serves `fixture`, prints the connection lines, and stops when `stop` returns.
        /// - Parameter stop: Waits for the reason to stop (a signal number).
        /// - Returns: 0 after a clean shutdown.
        static func serve(_ fixture: TenantFixture, port: Int, label: String, console: Console,
                          until stop: () async -> Int32) async throws -> Int32 {
            let server = try await SimulatorServer.start(tenant: fixture, port: port)
            let credentials = fixture.credentials
            console.out("""
                CWM_SITE=\(server.siteURL)
                CWM_COMPANY_ID=\(credentials.companyId)
                CWM_PUBLIC_KEY=\(credentials.publicKey)
                CWM_PRIVATE_KEY=\(credentials.privateKey)
                CWM_CLIENT_ID=\(credentials.clientId)
                """)
            console.err("Serving \(label) at \(server.siteURL); Ctrl-C or SIGTERM stops it.")
            let signal = await stop()
            try await server.shutdown()
            console.err("Stopped (signal \(signal)); served \(server.requestLog().count) request(s).")
            return ExitStatus.passed
        }
    }
}
