import ArgumentParser

extension V360AuditCommand {
    /// `v360audit scan` (the default command): read, evaluate, write reports, exit with the gate's code.
    struct Scan: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Read the PSA (or a snapshot, or the demo tenant), evaluate the rules, write reports.",
            discussion: """
                Reports go to --output-dir: v360audit.junit.xml, v360audit.md, v360audit.json. A one-paragraph \
                summary goes to stdout; progress to stderr. With --notify, a short summary is then posted to \
                Microsoft Teams, Slack or any webhook whose URL is in the named environment variable (a failed \
                post prints one warning and never changes the exit code).

                With --tenants FILE, every PSA the file lists is scanned (--parallel at a time) into \
                <output-dir>/<name>/, and the fleet reports (v360audit-fleet.junit.xml, .md, .json, .html) go to \
                --output-dir; the exit code is the worst tenant's. With --notify, one fleet summary per channel is \
                posted after all of them.

                \(ExitStatus.discussion)
                """
        )

        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Source and inputs") var input: InputOptions
        @OptionGroup(title: "Outputs") var output: OutputOptions
        @OptionGroup(title: "Many PSAs") var fleet: FleetOptions
        @OptionGroup(title: "Gate") var gate: GateOptions
        @OptionGroup(title: "Notifications") var notify: NotifyOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func execute(console: Console) async throws -> Int32 {
            if fleet.tenants != nil {
                return try await FleetPipeline(connection: connection, input: input, output: output, gate: gate,
                                               notify: notify, logging: logging, fleet: fleet, console: console).run()
            }
            return try await ScanPipeline(connection: connection, input: input, output: output, gate: gate,
                                          notify: notify, logging: logging, console: console).run()
        }
    }
}
