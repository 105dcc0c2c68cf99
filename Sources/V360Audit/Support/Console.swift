import Foundation
import ManageReader

/// Where a command writes and what it knows about its environment; injected so tests can capture
/// stdout and stderr and supply environment variables without touching the process.
struct Console: Sendable {
    /// The two output streams.
    enum Stream: Sendable { case out, err }

    /// Writes text to a stream (no newline added).
    var write: @Sendable (Stream, String) -> Void
    /// The environment variables (`CWM_*`, `NO_COLOR`).
    var environment: [String: String]
    /// True when stderr is a terminal (colour is only used then).
    var stderrIsTerminal: Bool
    /// The clock a live read's `capturedAt` comes from (tests pin it, so two live scans of the same
    /// PSA, a single one and a fleet's, can be compared byte for byte).
    var now: @Sendable () -> Date = Date.init
    /// The transport a PSA read goes over; nil for the real one. Tests put a fake in its place,
    /// so that no test needs a DNS answer (a name that must not resolve is answered by them).
    var readerTransport: (@Sendable (ReaderConfiguration) -> any HTTPTransport)? = nil

    /// The process's real stdout/stderr and environment. Writes go straight to the file
    /// descriptors (unbuffered), so `simulate`'s connection lines reach a pipe immediately.
    static func standard() -> Console {
        Console(
            write: { stream, text in
                StandardStreams.write(text, to: stream == .out ? STDOUT_FILENO : STDERR_FILENO)
            },
            environment: ProcessInfo.processInfo.environment,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1
        )
    }

    /// A client for the PSA `configuration` names, over ``readerTransport`` when one is set.
    func client(_ configuration: ReaderConfiguration) -> ManageClient {
        readerTransport.map { ManageClient(configuration: configuration, transport: $0(configuration)) }
            ?? ManageClient(configuration: configuration)
    }

    /// Writes one line to stdout.
    func out(_ line: String) { write(.out, line + "\n") }

    /// Writes one line to stderr.
    func err(_ line: String) { write(.err, line + "\n") }

    /// True when ANSI colour may be used on stderr: a terminal, and `NO_COLOR` unset or empty.
    var colorEnabled: Bool {
        stderrIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes a warning line to stderr (`warning:` in yellow when colour is enabled).
    func warn(_ message: String) {
        err(colored("warning:", code: "33") + " " + message)
    }

    /// Writes an error line to stderr (`error:` in red when colour is enabled).
    func error(_ message: String) {
        err("v360audit: " + colored("error:", code: "31") + " " + message)
    }

    /// Wraps text in an ANSI colour when enabled.
    func colored(_ text: String, code: String) -> String {
        colorEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
