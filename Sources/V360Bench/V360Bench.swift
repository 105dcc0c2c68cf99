import Foundation

/// `v360bench`: the performance benchmarks docs/design.md's targets are measured with.
///
/// Run in release: `swift run -c release v360bench <benchmark> [options]`. Each benchmark lives in
/// its own file; this entry point only dispatches.
@main
struct V360Bench {
    static func main() async {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let name = args.first else {
            FileHandle.standardError.write(Data(usage.utf8))
            exit(64)
        }
        let rest = Array(args.dropFirst())
        do {
            switch name {
            case "rules": try await RulesBenchmark.run(arguments: rest)
            case "read": try await ReadBenchmark.run(arguments: rest)
            case "scan": try await ScanBenchmark.run(arguments: rest)
            case "serve": try await ServeBenchmark.run(arguments: rest)
            case "fleet": try await FleetBenchmark.run(arguments: rest)
            default:
                FileHandle.standardError.write(Data(usage.utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("v360bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static let usage = """
        usage: v360bench rules [options]   evaluate a generated large snapshot (AuditRules)
               v360bench read [options]    read a generated large tenant from the simulator (ManageReader)
               v360bench scan [options]    whole v360audit processes on the target tenant: every target
               v360bench serve [options]   serve that tenant until killed (to profile one process by hand)
               v360bench fleet [options]   scan --tenants of 16 MSP-sized simulators against 16 single scans

        """
}
