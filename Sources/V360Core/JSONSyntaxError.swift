/// A JSON syntax error located in its file: `file:line:column: invalid JSON: what`, the form
/// editors and compilers use, so a user can jump to the broken spot.
///
/// Made by ``JSONErrorLocator`` from a byte offset (the simulator's parser) or from Foundation's
/// error (snapshots, baselines); the one place a line and column are worked out.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or other source) the text came from, as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (what an editor shows), not bytes.
    public var column: Int
    /// What is wrong, in lower case and without a position (e.g. `expected ',' or '}'`).
    public var problem: String

    /// An error at a known line and column.
    public init(file: String, line: Int, column: Int, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// An error at byte `offset` of `bytes`.
    public init(file: String, offset: Int, in bytes: [UInt8], problem: String) {
        let position = JSONErrorLocator.position(ofOffset: offset, in: bytes)
        self.init(file: file, line: position.line, column: position.column, problem: problem)
    }

    /// `file:line:column: invalid JSON: problem`.
    public var description: String { "\(file):\(line):\(column): invalid JSON: \(problem)" }

    /// `at column N: problem`, for an error type of its own that already names the file and line.
    public var problemAtColumn: String { "at column \(column): \(problem)" }
}
