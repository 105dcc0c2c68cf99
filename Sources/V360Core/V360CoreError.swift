/// What the support module's operations can fail with.
///
/// Messages name the file and the cause in words ("no space left on the device"), never an
/// `errno` number or a library's type name: they reach a security lead's cron mail as they are.
public enum V360CoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file could not be written; the previous file under `path` (if any) is untouched.
    case write(path: String, cause: String)
    /// A file that must not be replaced already exists (drafts never overwrite).
    case exists(path: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .write(let path, _), .exists(let path): path
        }
    }

    public var description: String {
        switch self {
        case .write(let path, let cause): "cannot write \(path): \(cause)"
        case .exists(let path): "\(path) exists and is never overwritten"
        }
    }
}
