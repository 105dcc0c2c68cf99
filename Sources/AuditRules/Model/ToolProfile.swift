import Foundation
import ManageReader

/// The ConnectWise permissions one integration needs, from `rules/tools/<id>.yml`.
///
/// ```yaml
/// id: msp360
/// name: MSP360 Managed Backup
/// vendor: MSP360
/// source: https://help.mspbackups.com/…   # required: where the list comes from
/// verified: true        # false when the vendor's list is not public; the MSP fills it in
/// notes: optional free text (what is unconfirmed)
/// permissions:
///   - { module: Companies, function: Company Maintenance, inquire: All }
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

        /// Creates a permission.
        public init(module: String, function: String, levels: [PermissionOperation: PermissionLevel.Rank]) {
            self.module = module
            self.function = function
            self.levels = levels
        }

        /// The needed level of one operation.
        public func level(_ op: PermissionOperation) -> PermissionLevel.Rank { levels[op] ?? .none }
    }

    /// Tool id as written (matched case-insensitively).
    public var id: String
    /// Product name.
    public var name: String
    /// Vendor name.
    public var vendor: String
    /// Where the permission list comes from.
    public var source: String
    /// True only when the list was checked against the vendor's published requirements.
    public var verified: Bool
    /// Optional remarks (what is unconfirmed).
    public var notes: String?
    /// The permissions the tool needs.
    public var permissions: [Permission]
    /// The file it was loaded from.
    public var sourceFile: String

    /// Creates a profile.
    public init(id: String, name: String, vendor: String, source: String, verified: Bool, notes: String? = nil,
                permissions: [Permission], sourceFile: String = "") {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.source = source
        self.verified = verified
        self.notes = notes
        self.permissions = permissions
        self.sourceFile = sourceFile
    }
}
