#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creating the folders outputs go into, with failures in words.
public enum Folders {
    /// Creates `path` and any missing parents (like `mkdir -p`); an existing folder is fine.
    /// - Throws: ``V360CoreError/write(path:cause:)`` naming the folder that could not be made.
    public static func create(_ path: String) throws(V360CoreError) {
        guard !path.isEmpty, !isFolder(path) else { return }
        let parent = DurableFile.folder(of: path)
        if parent != path, parent != ".", parent != "/" { try create(parent) }
        if mkdir(path, 0o777) != 0, errno != EEXIST || !isFolder(path) {
            let cause = errno == EEXIST ? "a file is in the way" : SystemErrorText.describe(errno)
            throw .write(path: path, cause: "cannot create the folder: \(cause)")
        }
    }

    /// True when `path` is a folder (following links).
    public static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
