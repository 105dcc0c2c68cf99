import ArgumentParser
import AuditRules
import Foundation
import Reports
import V360Core

extension V360AuditCommand {
    /// `v360audit plan [source] [inputs]`: the least-privilege plan to stdout, no reports written.
    struct Plan: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Print the least-privilege plan: which levels to lower, or which roles to create, breaking no tool.",
            discussion: """
                The same "Remediation plan" section the Markdown report carries (--format json: the JSON \
                report's plan array). Nothing is written and the PSA is only read.
                Exit codes: 0 printed; 2 the PSA could not be read completely (the plan covers what was read); \
                64 usage or invalid input files.
                """)

        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Source and inputs") var input: InputOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        @Option(help: ArgumentHelp("markdown (default) or json.", valueName: "format"))
        var format = "markdown"

        func validate() throws {
            guard ["markdown", "json"].contains(format) else { throw ValidationError("--format must be markdown or json") }
        }

        func execute(console: Console) async throws -> Int32 {
            let inputs = try ScanInputs.load(input)
            let acquirer = SnapshotAcquirer(console: console, logger: logging.logger(console))
            let snapshot = try await acquirer.snapshot(file: input.snapshot, demo: input.demo, connection: connection)
            let result = inputs.evaluate(snapshot)
            if format == "json" {
                console.out(try JSONOutput.text(result.plan))
            } else {
                console.write(.out, MarkdownPlan(plan: result.plan).text)
            }
            if !result.complete {
                console.error("the PSA was not read completely; members whose data is missing are not planned")
                return ExitStatus.incomplete
            }
            return ExitStatus.passed
        }
    }
}
