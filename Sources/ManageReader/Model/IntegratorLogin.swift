import Foundation

/// A legacy integrator login from `/system/integratorlogins` (the password is never returned).
public struct IntegratorLogin: Codable, Sendable, Equatable {
    /// The record id.
    public var id: Int
    /// The integrator user name.
    public var username: String
    /// Inactive when true; null or absent means active.
    public var inactiveFlag: Bool?
    /// Whether the login may read all records.
    public var canAccessAllRecordsFlag: Bool?
    /// Whether the login may call all APIs.
    public var canAccessAllApisFlag: Bool?
    /// The member the login acts as, when set.
    public var member: MemberReference?

    /// Creates an integrator login.
    public init(id: Int, username: String, inactiveFlag: Bool? = nil, canAccessAllRecordsFlag: Bool? = nil,
                canAccessAllApisFlag: Bool? = nil, member: MemberReference? = nil) {
        self.id = id
        self.username = username
        self.inactiveFlag = inactiveFlag
        self.canAccessAllRecordsFlag = canAccessAllRecordsFlag
        self.canAccessAllApisFlag = canAccessAllApisFlag
        self.member = member
    }

    /// Active unless `inactiveFlag` is true.
    public var isActive: Bool { inactiveFlag != true }
}

extension IntegratorLogin {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int, required: true),
        SnapshotField("username", .string, required: true),
        SnapshotField("inactiveFlag", .bool),
        SnapshotField("canAccessAllRecordsFlag", .bool),
        SnapshotField("canAccessAllApisFlag", .bool),
        SnapshotField("member", .object(MemberReference.snapshotFields)),
    ]
}
