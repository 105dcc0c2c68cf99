#if canImport(Glibc)
import Glibc
/// write(2), by a name ``DurableFile``'s own methods do not hide.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2), by a name ``DurableFile``'s own methods do not hide.
private let systemWrite = Darwin.write
#endif

/// The one way v360audit writes a file: reports, snapshots, drafts and fleet files alike.
///
/// Bytes go to a temporary file in the target's folder; ``finish()`` flushes them to the disk
/// (`fsync`), renames the file into place and syncs the folder. So the real name holds either the
/// previous file or the complete new one, whatever happens and whenever the power goes: a power
/// loss after the rename leaves the new file whole (its data was on the disk before the rename,
/// and the folder is synced after it), before the rename the old one. A write that fails (no
/// space, no permission, a read-only file system) removes the temporary file, leaves the previous
/// file untouched and throws ``V360CoreError/write(path:cause:)`` naming the file and the cause.
///
/// Reporters whose output grows with the tenant stream into it piece by piece: their files run to
/// tens of megabytes for a large tenant. Not thread-safe: one writer per file.
public final class DurableFile {
    /// The file's real name.
    public let path: String
    /// The temporary file beside it, hidden and unique to this writer.
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The first failed write's `errno`, reported by ``finish()``, so that writers can append
    /// without handling an error on every piece.
    private var failure: Int32 = 0
    private var done = false

    /// Bytes buffered before a write to disk.
    public static let flushThreshold = 1 << 20
    /// Pieces this large skip the buffer and are written as they are.
    public static let directWriteSize = 16 * 1024

    /// Creates the temporary file beside `path`.
    /// - Throws: ``V360CoreError/write(path:cause:)`` when the folder does not take a new file.
    public init(path: String) throws(V360CoreError) {
        self.path = path
        temporaryPath = Self.folder(of: path) + "/." + Self.fileName(of: path) + "." + Self.uniqueSuffix() + ".partial"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .write(path: path, cause: SystemErrorText.describe(errno)) }
        TemporaryFiles.register(temporaryPath)
        buffer.reserveCapacity(Self.flushThreshold)
    }

    deinit {
        if !done { abandon() }
    }

    /// Appends text.
    public func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Appends bytes; a large piece is written as it is, after what is buffered, instead of being
    /// copied into the buffer first.
    public func append(_ bytes: [UInt8]) {
        append(bytes[...])
    }

    /// Appends bytes (see ``append(_:)-([UInt8])``).
    public func append(_ bytes: ArraySlice<UInt8>) {
        if bytes.count >= Self.directWriteSize {
            flush()
            write(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes what is buffered.
    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !buffer.isEmpty else { return }
        write(buffer[...])
    }

    /// Writes `bytes` in full, remembering the first failure.
    private func write(_ bytes: ArraySlice<UInt8>) {
        guard failure == 0 else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
    }

    /// Flushes, syncs and closes the file, renames it into place and syncs the folder.
    /// - Parameter replacing: false to refuse an existing file (drafts): the file is then linked
    ///   into place, which fails if the name exists, even one created a moment ago.
    /// - Throws: ``V360CoreError/write(path:cause:)`` (the temporary file is removed and the
    ///   previous file is untouched), or ``V360CoreError/exists(path:)`` when not replacing.
    public func finish(replacing: Bool = true) throws(V360CoreError) {
        flush()
        done = true
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        descriptor = -1
        if failure == 0 {
            if replacing {
                if rename(temporaryPath, path) != 0 { failure = errno }
            } else if link(temporaryPath, path) != 0 {
                let code = errno
                removeTemporary()
                if code == EEXIST { throw .exists(path: path) }
                throw .write(path: path, cause: SystemErrorText.describe(code))
            } else {
                removeTemporary()
            }
        }
        guard failure == 0 else {
            removeTemporary()
            throw .write(path: path, cause: SystemErrorText.describe(failure))
        }
        TemporaryFiles.forget(temporaryPath)
        try Self.syncFolder(of: path)
    }

    /// Gives up: closes and removes the temporary file; the real name is untouched.
    public func abandon() {
        done = true
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        removeTemporary()
    }

    private func removeTemporary() {
        unlink(temporaryPath)
        TemporaryFiles.forget(temporaryPath)
    }
}
