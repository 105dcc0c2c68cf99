import Foundation

/// A security role from `/system/securityroles` with its settings rows.
public struct SecurityRole: Codable, Sendable, Equatable {
    /// The role id.
    public var id: Int
    /// The role name (the UI "Role ID").
    public var name: String
    /// `roleType` as read (allowed values undocumented).
    public var roleType: String?
    /// The role's `adminFlag`.
    public var adminFlag: Bool?
    /// The role's `inactiveFlag` (ignored by the rules: a member holds its role either way).
    public var inactiveFlag: Bool?
    /// Rows of `/system/securityRoles/{id}/settings`; nil when that read failed.
    public var settings: [RoleSetting]?

    /// Creates a role.
    public init(id: Int, name: String, roleType: String? = nil, adminFlag: Bool? = nil,
                inactiveFlag: Bool? = nil, settings: [RoleSetting]? = nil) {
        self.id = id
        self.name = name
        self.roleType = roleType
        self.adminFlag = adminFlag
        self.inactiveFlag = inactiveFlag
        self.settings = settings
    }
}

extension SecurityRole {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int, required: true),
        SnapshotField("name", .string, required: true),
        SnapshotField("roleType", .string),
        SnapshotField("adminFlag", .bool),
        SnapshotField("inactiveFlag", .bool),
        // Read per role from `/system/securityRoles/{id}/settings`.
        SnapshotField("settings", .list(RoleSetting.snapshotFields), request: .notRequested),
    ]
}
