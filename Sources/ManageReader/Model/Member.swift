import Foundation

/// A member from `/system/members`, with only the fields the audit uses.
public struct Member: Codable, Sendable, Equatable {
    /// The member's record id.
    public var id: Int
    /// The login / member ID (≤ 15 characters).
    public var identifier: String
    /// First name as stored in the PSA.
    public var firstName: String?
    /// Last name as stored in the PSA.
    public var lastName: String?
    /// `A` = API member, `F` = full, `C` = StreamlineIT, `X` = subcontractor; raw as read.
    public var licenseClass: String?
    /// Inactive when true; null or absent means active.
    public var inactiveFlag: Bool?
    /// The member's security role.
    public var securityRole: RoleReference?
    /// The member's `adminFlag` (meaning not documented by ConnectWise; kept as evidence).
    public var adminFlag: Bool?
    /// Last login as the API returns it (not typed as a date by the spec; kept raw).
    public var lastLogin: String?
    /// The entity's `_info` map (`lastUpdated`, `updatedBy`, …).
    public var info: [String: String]?

    /// Creates a member.
    public init(
        id: Int, identifier: String, firstName: String? = nil, lastName: String? = nil,
        licenseClass: String? = nil, inactiveFlag: Bool? = nil, securityRole: RoleReference? = nil,
        adminFlag: Bool? = nil, lastLogin: String? = nil, info: [String: String]? = nil
    ) {
        self.id = id
        self.identifier = identifier
        self.firstName = firstName
        self.lastName = lastName
        self.licenseClass = licenseClass
        self.inactiveFlag = inactiveFlag
        self.securityRole = securityRole
        self.adminFlag = adminFlag
        self.lastLogin = lastLogin
        self.info = info
    }

    /// Active unless `inactiveFlag` is true.
    public var isActive: Bool { inactiveFlag != true }

    /// True when `licenseClass` is `A` (case-insensitive, surrounding whitespace ignored).
    public var isAPILicense: Bool {
        licenseClass?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() == "A"
    }

    /// "First Last", or nil when both are empty.
    public var displayName: String? {
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}

extension Member {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int, required: true),
        SnapshotField("identifier", .string, required: true),
        SnapshotField("firstName", .string),
        SnapshotField("lastName", .string),
        SnapshotField("licenseClass", .string),
        SnapshotField("inactiveFlag", .bool),
        SnapshotField("securityRole", .object(RoleReference.snapshotFields)),
        SnapshotField("adminFlag", .bool),
        SnapshotField("lastLogin", .string),
        SnapshotField("info", .stringMap, request: .named("_info")),
    ]
}
