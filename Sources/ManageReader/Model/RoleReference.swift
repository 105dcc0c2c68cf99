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
