import ArgumentParser
import ManageReader

extension V360AuditCommand {
    /// `v360audit doctor`: credentials, reachability, codebase and the scanner's own permissions.
    struct Doctor: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract: "Check the connection: reachability, codebase, credentials, and that the scanner's key is read-only.",
            discussion: """
                Exit codes: 0 the PSA is reachable and the key authenticates (warnings, e.g. a key that can \
                add, edit or delete, are printed but do not fail); 2 unreachable or not authenticated; 64 usage. \
                A connection that fails (the name does not resolve, nothing listens, the certificate is not \
                trusted, the proxy refuses the tunnel) is one FAIL line saying what to do.
                """
        )

        @Option(help: ArgumentHelp("A tenants file: check every PSA it lists, one block each (exit 0 only when all pass).",
                                   valueName: "file"))
        var tenants: String?

        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func execute(console: Console) async throws -> Int32 {
            if let tenants {
                return try await FleetDoctor(tenantsFile: tenants, connection: connection, logging: logging,
                                             console: console).run()
            }
            let (site, credentials, warnings) = try connection.resolve(environment: console.environment)
            for warning in warnings { console.warn(warning) }
            let client = console.client(try connection.configuration(
                site: site, credentials: credentials, logger: logging.logger(console), environment: console.environment))
            let report = await client.doctor()
            await client.shutdown()
            for line in DoctorRendering.lines(report, credentials: credentials) { console.out(line) }
            for problem in report.problems { console.warn(problem) }
            return report.reachable && report.authenticated == true ? ExitStatus.passed : ExitStatus.incomplete
        }
    }
}
