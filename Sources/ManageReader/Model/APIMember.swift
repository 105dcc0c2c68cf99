import Foundation

/// A record of `/system/apiMembers`, with only the fields the audit uses.
public struct APIMember: Codable, Sendable, Equatable {
    /// The record id (assumed, not documented, to equal the `/system/members` id).
    public var id: Int
    /// The API member identifier.
    public var identifier: String
    /// Display name.
    public var name: String?
    /// Inactive when true; null or absent means active.
    public var inactiveFlag: Bool?
    /// The API member's security role.
    public var securityRole: RoleReference?

    /// Creates an API member record.
    public init(id: Int, identifier: String, name: String? = nil, inactiveFlag: Bool? = nil,
                securityRole: RoleReference? = nil) {
        self.id = id
        self.identifier = identifier
        self.name = name
        self.inactiveFlag = inactiveFlag
        self.securityRole = securityRole
    }

    /// Active unless `inactiveFlag` is true.
    public var isActive: Bool { inactiveFlag != true }
}

extension APIMember {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int, required: true),
        SnapshotField("identifier", .string, required: true),
        SnapshotField("name", .string),
        SnapshotField("inactiveFlag", .bool),
        SnapshotField("securityRole", .object(RoleReference.snapshotFields)),
    ]
}
