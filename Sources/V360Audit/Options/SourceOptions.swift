import ArgumentParser
import Foundation

/// Where a drafting or planning command gets the tenant: a snapshot file, the demo tenant, or the
/// live PSA named by the connection options.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read a snapshot file instead of the PSA.", valueName: "file"))
    var snapshot: String?

    @Flag(help: "Use the built-in demo tenant, served by the simulator on a loopback port.")
    var demo = false

    func validate() throws {
        if demo && snapshot != nil { throw ValidationError("--snapshot and --demo cannot be used together") }
    }
}
