import Foundation

/// A report file written in pieces.
///
/// Text is buffered and flushed to a temporary file beside the target, which replaces the target
/// only once complete, so a failed run never leaves half a report under the real name. Reporters
/// whose output grows with the tenant stream into it instead of building one large string: the
/// reports of a 5,000-member tenant run to tens of megabytes.
///
/// The previous report is moved aside before the new one is renamed into place, and then removed,
/// rather than renamed over: renaming over an existing file makes ext4 (`auto_da_alloc`) allocate
/// and start writing the whole new file inside the rename, about 20 ms for a 21 MB report, which a
/// nightly scan that replaces last night's reports pays at its very end. That heuristic protects
/// files edited in place against a crash; reports are made anew by every run and don't need it.
/// The real name is absent only between the two renames, and never holds half a report.
final class ReportFile {
    /// The report's path.
    let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var failure: (any Error)?

    /// Bytes buffered before a write to disk.
    static let flushThreshold = 1 << 20

    /// Opens a temporary file next to `path`.
    /// - Throws: `V360AuditError.output` when the file cannot be created.
    init(path: String) throws(V360AuditError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial").path
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .output(path: path, detail: "cannot create the file (\(String(cString: strerror(errno))))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// Appends text.
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Appends UTF-8 bytes; a large piece (evidence rendered ahead) is written as it is, after
    /// what is buffered, instead of being copied into the buffer first.
    func append(_ bytes: [UInt8]) {
        if bytes.count >= Self.directWriteSize {
            flush()
            write(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Pieces this large skip the buffer.
    static let directWriteSize = 16 * 1024

    /// Writes what is buffered.
    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !buffer.isEmpty else { return }
        write(buffer)
    }

    /// Writes `bytes`, remembering the first error (reported by ``finish()``) so that reporters
    /// can write without handling errors on every piece.
    private func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            failure = error
        }
    }

    /// Flushes, closes and moves the file into place.
    /// - Throws: `V360AuditError.output` naming the path; the temporary file is removed.
    func finish() throws(V360AuditError) {
        flush()
        do {
            try handle.close()
            if let failure { throw failure }
            try replace()
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            if let error = error as? V360AuditError { throw error }
            throw .output(path: path, detail: (error as NSError).localizedDescription)
        }
    }

    /// Moves the complete temporary file to `path`, the previous report (if any) aside first.
    private func replace() throws(V360AuditError) {
        let aside = temporaryPath.dropLast(".partial".count) + ".old"
        // A directory in the way is left where it is: the rename below then fails and says so.
        var status = stat()
        let isDirectory = lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        let movedAside = !isDirectory && rename(path, String(aside)) == 0
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if movedAside { rename(String(aside), path) }
            throw .output(path: path, detail: reason)
        }
        if movedAside { unlink(String(aside)) }
    }
}
