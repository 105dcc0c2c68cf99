import Foundation
import Synchronization
@testable import V360Audit

/// Captures what a command writes to stdout and stderr.
final class OutputCapture: Sendable {
    /// stdout and stderr so far: commands may write from several tasks.
    private let texts = Mutex((out: "", err: ""))
    let environment: [String: String]

    init(environment: [String: String] = [:]) {
        self.environment = environment
    }

    /// A console writing into this capture (stderr is not a terminal).
    var console: Console {
        Console(write: { [self] stream, text in
            texts.withLock { if stream == .out { $0.out += text } else { $0.err += text } }
        }, environment: environment, stderrIsTerminal: false)
    }

    var out: String { texts.withLock { $0.out } }
    var err: String { texts.withLock { $0.err } }
}

/// Runs `v360audit` in-process.
/// - Returns: The exit code and the captured output.
func runCommand(_ arguments: [String], environment: [String: String] = [:]) async -> (code: Int32, output: OutputCapture) {
    let capture = OutputCapture(environment: environment)
    let code = await CommandRunner.run(arguments, console: capture.console)
    return (code, capture)
}
