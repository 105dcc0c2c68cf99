import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files being written right now, so an interrupted run can remove them.
///
/// ``DurableFile`` registers its temporary file when it creates it and forgets it once renamed
/// or removed; a SIGINT/SIGTERM handler calls ``removeAll()`` before the process exits, so a
/// killed run leaves neither half a file under a real name nor a stray temporary one.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Remembers a temporary file.
    static func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }

    /// Forgets a temporary file (renamed into place or removed).
    static func forget(_ path: String) { _ = paths.withLock { $0.remove(path) } }

    /// The temporary files registered now (for tests).
    public static var current: Set<String> { paths.withLock { $0 } }

    /// Removes every registered temporary file; for signal handlers, before the process exits.
    public static func removeAll() { removeAll(under: "") }

    /// Removes the registered temporary files whose path starts with `prefix` (tests name their own
    /// folder: other tests in the same process write reports at the same time).
    static func removeAll(under prefix: String) {
        let pending = paths.withLock { paths in
            let matching = paths.filter { $0.hasPrefix(prefix) }
            paths.subtract(matching)
            return matching
        }
        for path in pending { unlink(path) }
    }
}
