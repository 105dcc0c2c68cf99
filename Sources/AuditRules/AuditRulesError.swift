import Foundation

/// Everything that can go wrong while loading rule packs, tool profiles, key registers, waivers
/// and baselines. Every case names the file, and the line where there is one, so the CLI can
/// print `file:line: message` and exit 64.
public enum AuditRulesError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read at all (missing, a directory, permissions).
    case unreadable(file: String, reason: String)
    /// The file is larger than the loader accepts.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file is not valid UTF-8.
    case notUTF8(file: String)
    /// The YAML (or JSON) text does not parse.
    case syntax(file: String, line: Int?, message: String)
    /// The text parses but does not match the expected schema (unknown key, wrong type, bad value…).
    case invalid(file: String, line: Int?, message: String)
    /// Two rules or two tool profiles in one directory share an id.
    case duplicateId(kind: String, id: String, file: String, line: Int?, firstFile: String, firstLine: Int?)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let f, _), .tooLarge(let f, _, _), .notUTF8(let f), .syntax(let f, _, _),
             .invalid(let f, _, _), .duplicateId(_, _, let f, _, _, _):
            f
        }
    }

    /// The 1-based line the error is about, when known.
    public var line: Int? {
        switch self {
        case .syntax(_, let l, _), .invalid(_, let l, _), .duplicateId(_, _, _, let l, _, _): l
        default: nil
        }
    }

    /// `file:line: message`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch self {
        case .unreadable(_, let reason): return "\(place): cannot read file: \(reason)"
        case .tooLarge(_, let bytes, let limit):
            return "\(place): file is \(bytes) bytes, larger than the \(limit)-byte limit"
        case .notUTF8: return "\(place): file is not valid UTF-8 text"
        case .syntax(_, _, let message): return "\(place): syntax error: \(message)"
        case .invalid(_, _, let message): return "\(place): \(message)"
        case .duplicateId(let kind, let id, _, _, let firstFile, let firstLine):
            let first = firstLine.map { "\(firstFile):\($0)" } ?? firstFile
            return "\(place): duplicate \(kind) id '\(id)' (first defined at \(first))"
        }
    }
}
