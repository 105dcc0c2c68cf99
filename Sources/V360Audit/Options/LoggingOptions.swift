import ArgumentParser
import Logging

/// How much goes to stderr. Colour only on a terminal and never with `NO_COLOR` set.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log every request (method, path, status, time; never a header).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }

    /// The log level these flags select.
    var level: Logger.Level { verbose ? .debug : quiet ? .warning : .info }

    /// A logger writing to the console's stderr at the selected level.
    func logger(_ console: Console, label: String = "v360audit") -> Logger {
        ConsoleLogHandler.logger(label: label, console: console, level: level)
    }
}
