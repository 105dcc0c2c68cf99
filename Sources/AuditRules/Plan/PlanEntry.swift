import Foundation

/// One step of the least-privilege plan: lower a role in place, or create a dedicated role for
/// one member and move the member to it.
///
/// JSON (docs/design.md "Least-privilege plan"):
/// `{action: "lower-role", roleId, roleName, members, tools, changes: [{module, function, op, from, to}]}` or
/// `{action: "new-role", roleId, roleName, member, tools, grants: [{module, function, add, edit, delete, inquire}]}`;
/// both with `residual: [{ruleId, module, function, op, requestedBy}]`.
public struct PlanEntry: Sendable, Equatable, Codable {
    /// What to do with the role.
    public enum Action: String, Sendable, Codable {
        /// Lower the role's levels: every holder has the same needs.
        case lowerRole = "lower-role"
        /// Create a role with exactly the member's needs and move the member to it.
        case newRole = "new-role"
    }

    /// One level to lower in place.
    public struct Change: Sendable, Equatable, Codable {
        /// Module as the settings row names it.
        public var module: String
        /// Function as the settings row names it.
        public var function: String
        /// `inquire`, `add`, `edit` or `delete`.
        public var op: String
        /// The level granted today (`Mine`, `My`, `All`, or an unknown string as written).
        public var from: String
        /// The level needed (`None`, `Mine`, `My`, `All`).
        public var to: String
    }

    /// One function of a role to create, with its four levels.
    public struct Grant: Sendable, Equatable, Codable {
        /// Module as the first profile (in tool-id order) writes it.
        public var module: String
        /// Function as the first profile writes it.
        public var function: String
        /// Add level.
        public var add: String
        /// Edit level.
        public var edit: String
        /// Delete level.
        public var delete: String
        /// Inquire level.
        public var inquire: String
    }

    /// A sensitive grant the changed or created role still has, because a tool's profile asks for
    /// it: the `sensitive-grant` rule `ruleId` will still flag it after the change.
    public struct Residual: Sendable, Equatable, Codable {
        /// The rule that will still fire (`api-member-privilege-escalation`, …).
        public var ruleId: String
        /// Module as the PSA's settings row names it.
        public var module: String
        /// Function as the settings row names it.
        public var function: String
        /// The operation still granted.
        public var op: String
        /// The member's tools whose profiles ask for it, sorted.
        public var requestedBy: [String]
    }

    /// The action.
    public var action: Action
    /// The role the member(s) hold today.
    public var roleId: Int
    /// Its name.
    public var roleName: String
    /// `lower-role`: every active holder's identifier, sorted.
    public var members: [String]?
    /// `new-role`: the member to move.
    public var member: String?
    /// The tools whose needs the role keeps, sorted.
    public var tools: [String]
    /// `lower-role`: the levels to change.
    public var changes: [Change]?
    /// `new-role`: the role to create.
    public var grants: [Grant]?
    /// Sensitive grants the role keeps after the change (empty when none), sorted by rule, module,
    /// function, op: so nobody applies the plan believing an escalation is gone when it is not.
    public var residual: [Residual] = []

    /// Sort key: role id, then member, lower-role entries first within a role.
    var sortKey: (Int, Int, String) { (roleId, action == .lowerRole ? 0 : 1, member?.lowercased() ?? "") }
}
