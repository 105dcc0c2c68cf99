import V360Core

/// Everything that can go wrong in ManageSimulator, with enough context to fix it.
public enum SimulatorError: Error, CustomStringConvertible, Equatable {
    /// A file could not be read at all.
    case unreadableFile(file: String, reason: String)
    /// Text is not valid JSON: where (`file:line:column`) and what.
    case invalidJSON(JSONSyntaxError)
    /// A fixture file is valid JSON but not a valid tenant fixture; `path` is a JSON path such as `members[3].id`.
    case invalidFixture(file: String, path: String, problem: String)
    /// The server could not listen on the requested port.
    case bindFailed(port: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason):
            "\(file): cannot read the tenant fixture: \(reason)"
        case .invalidJSON(let error):
            error.description
        case .invalidFixture(let file, let path, let problem):
            "\(file): \(path.isEmpty ? "top level" : path): \(problem)"
        case .bindFailed(let port, let reason):
            "cannot listen on 127.0.0.1:\(port): \(reason)"
        }
    }
}
