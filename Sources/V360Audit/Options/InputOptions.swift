import ArgumentParser
import Foundation

/// Where the tenant data comes from and the scan's other inputs (register, rules, waivers, baseline).
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Scan a snapshot file offline instead of reading the PSA.", valueName: "file"))
    var snapshot: String?

    @Flag(help: "Scan the built-in demo tenant, served by the simulator on a loopback port.")
    var demo = false

    @Option(help: ArgumentHelp("The key register (YAML). Without one, key rules are 'not evaluated'.",
                               valueName: "file"))
    var register: String?

    @Option(name: .customLong("rules"),
            help: ArgumentHelp("A directory of extra rules and tool profiles (repeatable; later wins by id).",
                               valueName: "dir"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Do not load the bundled rule pack (only --rules directories).")
    var noDefaultRules = false

    @Option(help: ArgumentHelp("A waiver file (YAML) of accepted risks.", valueName: "file"))
    var waivers: String?

    @Option(help: ArgumentHelp("A previous snapshot (gives changes[] too) or v360audit.json: findings are marked new or unchanged, resolved ones listed.",
                               valueName: "file"))
    var baseline: String?

    func validate() throws {
        if demo && snapshot != nil { throw ValidationError("--snapshot and --demo cannot be used together") }
        if noDefaultRules && ruleDirectories.isEmpty {
            throw ValidationError("--no-default-rules needs at least one --rules directory")
        }
    }

    /// The `--rules` directories as URLs.
    var ruleDirectoryURLs: [URL] { ruleDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) } }
}
