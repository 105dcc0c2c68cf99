import Foundation

/// A `SecurityRoleReference` inside a member: `{id, name}`.
public struct RoleReference: Codable, Sendable, Equatable, Hashable {
    /// The role id; nullable in the spec.
    public var id: Int?
    /// The role name as the reference carries it.
    public var name: String?

    /// Creates a role reference.
    public init(id: Int?, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

extension RoleReference {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int),
        SnapshotField("name", .string),
    ]
}
