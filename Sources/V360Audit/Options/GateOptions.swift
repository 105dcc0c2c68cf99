import ArgumentParser
import Reports

/// When the scan fails the build.
struct GateOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Fail (exit 1) on an open finding at or above this severity.",
                               valueName: "severity"))
    var failOn: FailThreshold = .high

    @Flag(name: .customLong("fail-on-new"), help: "Only findings new since --baseline fail the gate.")
    var failOnNew = false
}

extension FailThreshold: ExpressibleByArgument {}
