import Foundation

/// One active or inactive API member with its role and tools: the report's inventory.
public struct InventoryRow: Codable, Sendable, Hashable {
    /// The member.
    public var member: ResourceRef
    /// Whether the member is active.
    public var active: Bool
    /// The role id, when set.
    public var roleId: Int?
    /// The role name (from the role list, else from the member's reference).
    public var roleName: String?
    /// True when the role is Admin by name or `adminFlag`.
    public var roleIsAdmin: Bool
    /// Tool ids of the member's non-retired register keys, sorted.
    public var tools: [String]
    /// Number of register keys on the member (retired included).
    public var keyCount: Int
    /// Ids of rules with an open finding on this member, sorted.
    public var findingRuleIds: [String]

    /// Creates an inventory row.
    public init(member: ResourceRef, active: Bool, roleId: Int?, roleName: String?, roleIsAdmin: Bool,
                tools: [String], keyCount: Int, findingRuleIds: [String]) {
        self.member = member
        self.active = active
        self.roleId = roleId
        self.roleName = roleName
        self.roleIsAdmin = roleIsAdmin
        self.tools = tools
        self.keyCount = keyCount
        self.findingRuleIds = findingRuleIds
    }
}
