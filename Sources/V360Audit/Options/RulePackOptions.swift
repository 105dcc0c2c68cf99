import ArgumentParser
import AuditRules
import Foundation

/// `--rules DIR` / `--no-default-rules` for the `rules` subcommands.
struct RulePackOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rule directories (repeatable).", valueName: "dir"))
    var directories: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Do not load the bundled rule pack.")
    var noDefaultRules = false

    /// The pack these options select.
    func load() throws(AuditRulesError) -> RulePack {
        try RulePack.load(directories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) },
                          includeBundled: !noDefaultRules)
    }
}
