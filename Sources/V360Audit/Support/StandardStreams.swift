import Synchronization
import V360Core
#if canImport(Glibc)
import Glibc
/// write(2), by a name ``StandardStreams/write(_:to:)`` does not hide.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2), by a name ``StandardStreams/write(_:to:)`` does not hide.
private let systemWrite = Darwin.write
#endif

/// The process's stdout and stderr, written without buffering, remembering a failed write.
///
/// `plan`, `diff` and the drafts print their result to stdout, which is often redirected to a
/// file: a full disk there must end the command with exit 2 naming the cause, not a crash
/// (`FileHandle.write` traps on a failed write) nor a silent pass.
enum StandardStreams {
    private static let stdoutFailure = Mutex<Int32>(0)

    /// Writes all of `text` to `descriptor` (1 or 2); a failure on stdout is remembered.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                if descriptor == STDOUT_FILENO { stdoutFailure.withLock { if $0 == 0 { $0 = code } } }
                return
            }
            offset += written
        }
    }

    /// The error for the first failed write to stdout, if any.
    static var stdoutError: V360CoreError? {
        let code = stdoutFailure.withLock { $0 }
        return code == 0 ? nil : .write(path: "standard output", cause: SystemErrorText.describe(code))
    }
}
