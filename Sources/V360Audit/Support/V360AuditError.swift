import AuditRules
import ManageReader
import ManageSimulator
import V360Core

/// Everything that can stop a v360audit command, each mapped to docs/design.md's exit codes.
///
/// Messages name files, fields, endpoints and statuses, never a secret value.
enum V360AuditError: Error, CustomStringConvertible {
    /// Flags that do not fit together or a missing required value (exit 64).
    case usage(String)
    /// Connection settings that are missing: the flag and environment variable of each (exit 64).
    case missingConnection([String])
    /// A file given on the command line that could not be read (exit 64).
    case unreadableInput(file: String, detail: String)
    /// A ManageReader error: invalid site/credentials/snapshot (64) or a failed PSA read (2).
    case reader(ReaderError)
    /// An invalid rule pack, tool profile, register, waiver file or baseline (exit 64).
    case rules(AuditRulesError)
    /// An invalid tenant fixture (64) or a simulator that could not start (2).
    case simulator(SimulatorError)
    /// A report or snapshot could not be written (exit 2: the scan's result was not delivered).
    case output(path: String, detail: String)
    /// A file could not be written (exit 2) or a draft's file exists and is never replaced (exit 64).
    case file(V360CoreError)
    /// Anything else that stopped the run (exit 2: never reported as a pass).
    case unexpected(String)

    /// The process exit code for this error.
    var exitCode: Int32 {
        switch self {
        case .usage, .missingConnection, .unreadableInput, .rules: ExitStatus.usage
        case .reader(let error): error.isUsage ? ExitStatus.usage : ExitStatus.incomplete
        case .simulator(let error):
            switch error {
            case .unreadableFile, .invalidJSON, .invalidFixture: ExitStatus.usage
            case .bindFailed: ExitStatus.incomplete
            }
        case .file(let error):
            if case .exists = error { ExitStatus.usage } else { ExitStatus.incomplete }
        case .output, .unexpected: ExitStatus.incomplete
        }
    }

    var description: String {
        switch self {
        case .usage(let message): message
        case .missingConnection(let fields):
            "missing connection settings: " + fields.joined(separator: "; ")
                + " (or use --snapshot FILE, or --demo to try the built-in tenant)"
        case .unreadableInput(let file, let detail): "\(file): \(detail)"
        case .reader(let error): error.description
        case .rules(let error): error.description
        case .simulator(let error): error.description
        case .output(let path, let detail): "cannot write \(path): \(detail)"
        case .file(let error): error.description
        case .unexpected(let message): message
        }
    }

    /// Wraps any error thrown by a module into this enum, so every error has an explicit exit code.
    static func wrap(_ error: any Error) -> V360AuditError {
        switch error {
        case let error as V360AuditError: error
        case let error as ReaderError: .reader(error)
        case let error as AuditRulesError: .rules(error)
        case let error as SimulatorError: .simulator(error)
        case let error as V360CoreError: .file(error)
        default: .unexpected(String(describing: error))
        }
    }
}
