import Foundation
import ManageSimulator

/// `v360bench serve`: serves the scan benchmark's tenant until killed, for profiling one whole
/// `v360audit` process by hand (`perf record`, `strace -tt`, or `-v`, which logs every request).
///
/// Writes the register and profiles to `--dir` (default `./v360bench-serve`), prints the
/// environment a live `v360audit scan` needs, then serves at `--latency-ms` (default 50).
enum ServeBenchmark {
    static func run(arguments: [String]) async throws {
        var latency = 50, directory = "v360bench-serve"
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch (flag, rest.popFirst()) {
            case ("--latency-ms", let v?): latency = max(0, Int(v) ?? 50)
            case ("--dir", let v?): directory = v
            default: throw RulesBenchmark.BenchError("usage: v360bench serve [--latency-ms N] [--dir DIR]")
            }
        }
        let tenant = BenchTenant()
        let work = URL(fileURLWithPath: directory)
        let (rules, register) = try tenant.writeInputs(to: work)
        let server = try await SimulatorServer.start(tenant: tenant.fixture, faults: FaultPlan(latency: .milliseconds(latency)))
        let exports = tenant.environment(site: server.siteURL).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let banner = """
            export \(exports)
            # inputs: --register \(register.path) --rules \(rules.path)
            # serving at \(latency) ms per request until killed

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
