import Foundation
import ManageReader

/// The ConnectWise permissions one integration needs, from `rules/tools/<id>.yml`.
///
/// ```yaml
/// id: msp360
/// name: MSP360 Managed Backup
/// vendor: MSP360
/// source: https://help.mspbackups.com/…   # required: where the list comes from
/// references: [https://…]   # optional: further pages the list was checked against
/// verified: true        # false when the vendor's list is not public or not complete
/// notes: optional free text (vendor caveats, Customize allow-lists, what is missing)
/// hints: { members: [V360API], roles: [Email reConnector] }   # names the vendor suggests
/// permissions:
///   - { module: Companies, function: Company Maintenance, inquire: All }
///   - { module: Companies, function: CRM/Sales Activities, inquire: All, add: All, feature: activities }
/// ```
/// A missing op means `None`. Levels are `None`, `Mine`, `My`, `All` (case-insensitive).
public struct ToolProfile: Sendable, Hashable {
    /// One module function the tool needs, with the level per operation.
    public struct Permission: Sendable, Hashable {
        /// Module name or identifier, e.g. `Service Desk`.
        public var module: String
        /// Function name or identifier, e.g. `Service Tickets`.
        public var function: String
        /// Needed level per operation; absent = `None`.
        public var levels: [PermissionOperation: PermissionLevel.Rank]
        /// The tool feature this row is needed for (lowercased), or nil when always needed.
        public var feature: String?
        /// Line of the row in the profile file.
        public var line: Int?

        /// Creates a permission.
        public init(module: String, function: String, levels: [PermissionOperation: PermissionLevel.Rank],
                    feature: String? = nil, line: Int? = nil) {
            self.module = module
            self.function = function
            self.levels = levels
            self.feature = feature?.lowercased()
            self.line = line
        }

        /// The needed level of one operation.
        public func level(_ op: PermissionOperation) -> PermissionLevel.Rank { levels[op] ?? .none }
    }

    /// Names the vendor tells MSPs to give the API member and its role (read by `register draft`).
    public struct Hints: Sendable, Hashable {
        /// Member identifiers or names, e.g. `V360API`.
        public var members: [String]
        /// Role names.
        public var roles: [String]

        /// Creates hints.
        public init(members: [String] = [], roles: [String] = []) {
            self.members = members
            self.roles = roles
        }
    }

    /// Tool id as written (matched case-insensitively).
    public var id: String
    /// Product name.
    public var name: String
    /// Vendor name.
    public var vendor: String
    /// Where the permission list comes from.
    public var source: String
    /// Further pages the list was read from or checked against.
    public var references: [String]
    /// True only when the vendor's page gives every row with explicit levels.
    public var verified: Bool
    /// Optional remarks (vendor caveats, allow-lists, what is unconfirmed).
    public var notes: String?
    /// Suggested member and role names.
    public var hints: Hints
    /// The permissions the tool needs.
    public var permissions: [Permission]
    /// The file it was loaded from.
    public var sourceFile: String

    /// Creates a profile.
    public init(id: String, name: String, vendor: String, source: String, references: [String] = [],
                verified: Bool, notes: String? = nil, hints: Hints = Hints(), permissions: [Permission],
                sourceFile: String = "") {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.source = source
        self.references = references
        self.verified = verified
        self.notes = notes
        self.hints = hints
        self.permissions = permissions
        self.sourceFile = sourceFile
    }

    /// The rows a key needs, given the features its register entry declares: rows without a
    /// `feature`, plus those whose feature is declared; every row when `features` is nil (the
    /// generous reading, so an optional row is never excess unless the MSP said what it uses).
    public func permissions(for features: Set<String>?) -> [Permission] {
        guard let features else { return permissions }
        return permissions.filter { $0.feature.map(features.contains) ?? true }
    }
}
