import Foundation
import ManageReader
import Synchronization
@testable import V360Audit

/// Captures what a command writes to stdout and stderr.
final class OutputCapture: Sendable {
    /// stdout and stderr so far: commands may write from several tasks.
    private let texts = Mutex((out: "", err: ""))
    /// The environment the command sees.
    let environment: [String: String]
    /// The transport PSA reads go over instead of the real one, if any.
    let readerTransport: (@Sendable (ReaderConfiguration) -> any HTTPTransport)?

    init(environment: [String: String] = [:], readerTransport: (@Sendable (ReaderConfiguration) -> any HTTPTransport)? = nil) {
        self.environment = environment
        self.readerTransport = readerTransport
    }

    /// A console writing into this capture (stderr is not a terminal).
    var console: Console {
        var console = Console(write: { [self] stream, text in
            texts.withLock { if stream == .out { $0.out += text } else { $0.err += text } }
        }, environment: environment, stderrIsTerminal: false)
        console.readerTransport = readerTransport
        return console
    }

    var out: String { texts.withLock { $0.out } }
    var err: String { texts.withLock { $0.err } }
}

/// Runs `v360audit` in-process.
/// - Parameter readerTransport: what PSA reads go over instead of the real transport, if anything.
/// - Returns: The exit code and the captured output.
func runCommand(_ arguments: [String], environment: [String: String] = [:],
                readerTransport: (@Sendable (ReaderConfiguration) -> any HTTPTransport)? = nil) async
    -> (code: Int32, output: OutputCapture) {
    let capture = OutputCapture(environment: environment, readerTransport: readerTransport)
    let code = await CommandRunner.run(arguments, console: capture.console)
    return (code, capture)
}
