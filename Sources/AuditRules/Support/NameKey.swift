import Foundation

/// The comparison key of a name that the contract compares "case-insensitively after trimming"
/// (role names, module and function names).
///
/// Foundation's `trimmingCharacters(in:)` bridges through `NSString` and costs microseconds per
/// call; names without surrounding whitespace (nearly all) skip it, which matters when the same
/// names are compared for every member, role and profile row of a large tenant.
enum NameKey {
    /// `text` trimmed of surrounding whitespace and newlines, lowercased.
    static func of(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map(CharacterSet.whitespacesAndNewlines.contains) ?? false
        }
        return isSpace(text.unicodeScalars.first) || isSpace(text.unicodeScalars.last)
            ? text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() : text.lowercased()
    }
}
