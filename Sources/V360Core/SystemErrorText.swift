#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cause of a failed system call in words a person acts on.
///
/// The common causes of a failed report or snapshot write get a sentence of their own; any other
/// falls back to the C library's text, lower-cased to read as part of a sentence.
public enum SystemErrorText {
    /// Words for `code` (an `errno` value).
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case EDQUOT: "the disk quota is exceeded"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOENT: "the folder does not exist"
        case ENOTDIR: "a part of the path is not a folder"
        case EISDIR: "a folder is in the way"
        case EIO: "an input/output error on the device"
        case EFBIG: "the file is too large for the file system"
        case ENAMETOOLONG: "the name is too long"
        case EEXIST: "the file exists"
        default: lowercasedFirst(String(cString: strerror(code)))
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
