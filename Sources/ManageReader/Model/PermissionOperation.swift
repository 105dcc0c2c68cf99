import Foundation

/// The four operations a settings row grants a level for.
public enum PermissionOperation: String, Codable, Sendable, CaseIterable, Comparable {
    case inquire, add, edit, delete

    /// Report order: inquire, add, edit, delete.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
