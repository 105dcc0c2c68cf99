import Foundation

/// A `MemberReference`: `{id, identifier, name}`.
public struct MemberReference: Codable, Sendable, Equatable, Hashable {
    /// The member id; nullable in the spec.
    public var id: Int?
    /// The member identifier.
    public var identifier: String?
    /// The member's display name.
    public var name: String?

    /// Creates a member reference.
    public init(id: Int?, identifier: String? = nil, name: String? = nil) {
        self.id = id
        self.identifier = identifier
        self.name = name
    }
}

extension MemberReference {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int),
        SnapshotField("identifier", .string),
        SnapshotField("name", .string),
    ]
}
