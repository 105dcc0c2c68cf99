import ArgumentParser
import AuditRules
import Foundation

extension V360AuditCommand.Profiles {
    /// `profiles list`: the bundled and loaded tool profiles with `verified` and source.
    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the tool profiles: id, name, vendor, verified, source (--format json for all fields).")

        @OptionGroup var pack: RulePackOptions

        @Option(help: ArgumentHelp("text (default) or json.", valueName: "format"))
        var format = "text"

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
        }

        func execute(console: Console) async throws -> Int32 {
            let profiles = try pack.load().tools.values.sorted { $0.id.lowercased() < $1.id.lowercased() }
            if format == "json" {
                console.out(try ProfileListing.json(profiles))
                return ExitStatus.passed
            }
            console.out(ProfileListing.table(profiles))
            let verified = profiles.filter(\.verified).count
            console.out("\(profiles.count) profile(s), \(verified) verified against a published vendor list.")
            return ExitStatus.passed
        }
    }
}
