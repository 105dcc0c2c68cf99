import ArgumentParser
import Foundation
import ManageReader

extension V360AuditCommand {
    /// `v360audit snapshot --out FILE`: a read-only pull of the tenant, no evaluation
    /// (`--tenants FILE --out-dir DIR`: every tenant of a tenants file).
    struct Snapshot: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot",
            abstract: "Read the PSA and save a snapshot file for a later offline scan (--snapshot FILE).",
            discussion: """
                Exit codes: 0 complete; 2 some reads failed (the snapshot is still written and lists them); 64 usage. \
                With --tenants FILE --out-dir DIR, every tenant is saved as DIR/<name>.json and the code is the worst tenant's.
                """
        )

        @Option(help: ArgumentHelp("The snapshot file to write.", valueName: "file"))
        var out: String?

        @Option(help: ArgumentHelp("A tenants file: pull every PSA it lists (with --out-dir).", valueName: "file"))
        var tenants: String?

        @Option(name: .customLong("out-dir"), help: ArgumentHelp("With --tenants: the folder for <name>.json.", valueName: "dir"))
        var outDirectory: String?

        @Option(help: ArgumentHelp("With --tenants: PSAs read at once (default 4).", valueName: "n"))
        var parallel: Int?

        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func validate() throws {
            if tenants == nil {
                guard out != nil else { throw ValidationError("Missing expected argument '--out <file>' (or --tenants FILE --out-dir DIR)") }
                if outDirectory != nil || parallel != nil { throw ValidationError("--out-dir and --parallel only with --tenants FILE") }
            } else {
                guard outDirectory != nil else { throw ValidationError("--tenants needs --out-dir DIR (each tenant is saved as DIR/<name>.json)") }
                if out != nil { throw ValidationError("--out and --tenants cannot be used together (use --out-dir)") }
                if let parallel, !(1...64).contains(parallel) { throw ValidationError("--parallel must be between 1 and 64") }
            }
        }

        func execute(console: Console) async throws -> Int32 {
            if let tenants, let outDirectory {
                return try await FleetSnapshot(tenantsFile: tenants, outDirectory: outDirectory, connection: connection,
                                               logging: logging, console: console,
                                               parallel: parallel ?? FleetOptions.defaultParallel).run()
            }
            let logger = logging.logger(console)
            let acquirer = SnapshotAcquirer(console: console, logger: logger)
            let line = try await SnapshotPull(console: console, logger: logger).pull(to: out ?? "") { observers in
                try await acquirer.fromLive(connection, observers: observers)
            }
            console.out(line.text)
            return line.complete ? ExitStatus.passed : ExitStatus.incomplete
        }
    }
}
