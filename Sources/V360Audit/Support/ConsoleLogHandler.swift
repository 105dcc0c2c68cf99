import Logging

/// A swift-log handler that writes progress and request lines to the console's stderr.
///
/// Used through `Logger(label:factory:)` rather than `LoggingSystem.bootstrap`, which may only run
/// once per process (tests create many commands).
struct ConsoleLogHandler: LogHandler {
    var console: Console
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix: String
        switch event.level {
        case .warning: prefix = console.colored("warning:", code: "33") + " "
        case .error, .critical: prefix = console.colored("error:", code: "31") + " "
        case .trace, .debug: prefix = console.colored("·", code: "2") + " "
        case .info, .notice: prefix = ""
        }
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let suffix = merged.isEmpty
            ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        console.err(prefix + event.message.description + suffix)
    }

    /// A logger that writes to `console` at `level`.
    static func logger(label: String, console: Console, level: Logger.Level) -> Logger {
        Logger(label: label) { _ in ConsoleLogHandler(console: console, logLevel: level) }
    }
}
