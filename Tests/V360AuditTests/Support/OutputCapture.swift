import Foundation
@testable import V360Audit

/// Captures what a command writes to stdout and stderr.
final class OutputCapture: @unchecked Sendable {
    // Guarded by `lock`: commands may write from several tasks.
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    let environment: [String: String]

    init(environment: [String: String] = [:]) {
        self.environment = environment
    }

    /// A console writing into this capture (stderr is not a terminal).
    var console: Console {
        Console(write: { [self] stream, text in
            lock.lock()
            defer { lock.unlock() }
            if stream == .out { outText += text } else { errText += text }
        }, environment: environment, stderrIsTerminal: false)
    }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
}

/// Runs `v360audit` in-process.
/// - Returns: The exit code and the captured output.
func runCommand(_ arguments: [String], environment: [String: String] = [:]) async -> (code: Int32, output: OutputCapture) {
    let capture = OutputCapture(environment: environment)
    let code = await CommandRunner.run(arguments, console: capture.console)
    return (code, capture)
}
