import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
    /// Writes `parts`, one after another, as the file at `path` (see ``DurableFile``).
    /// - Throws: ``V360CoreError``, the previous file untouched.
    public static func write(_ parts: [ArraySlice<UInt8>], to path: String, replacing: Bool = true)
        throws(V360CoreError) {
        let file = try DurableFile(path: path)
        for part in parts { file.append(part) }
        try file.finish(replacing: replacing)
    }

    /// Writes `bytes` as the file at `path`.
    public static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws(V360CoreError) {
        try write([bytes[...]], to: path, replacing: replacing)
    }

    /// Writes `text` (UTF-8) as the file at `path`.
    public static func write(_ text: String, to path: String, replacing: Bool = true) throws(V360CoreError) {
        try write(Array(text.utf8), to: path, replacing: replacing)
    }

    /// Syncs the folder holding `path`, so the rename that put the file there survives a power loss.
    /// File systems that cannot sync a folder (`EINVAL`) have nothing to sync; an I/O error is a failure.
    static func syncFolder(of path: String) throws(V360CoreError) {
        let folder = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        if fsync(folder) != 0, errno == EIO {
            throw .write(path: path, cause: SystemErrorText.describe(EIO))
        }
    }

    /// The folder part of `path` (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func fileName(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    private static let counter = Atomic<Int>(0)

    /// A suffix no other writer of this or another process uses now: the process id, a counter
    /// and a random number (a name left by a killed run of the same pid is skipped by `O_EXCL`).
    static func uniqueSuffix() -> String {
        let count = counter.add(1, ordering: .relaxed).newValue
        return "\(getpid()).\(count).\(UInt32.random(in: 0...UInt32.max))"
    }
}
