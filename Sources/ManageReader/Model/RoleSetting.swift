import Foundation

/// One row of a role's settings: the four levels a role grants on one module function.
public struct RoleSetting: Codable, Sendable, Equatable {
    /// The setting id.
    public var id: Int?
    /// Module identifier, e.g. `System`.
    public var moduleIdentifier: String?
    /// Module name, e.g. `Service Desk`.
    public var moduleName: String?
    /// Function identifier, e.g. `MemberMaintenance`.
    public var moduleFunctionIdentifier: String?
    /// Function name, e.g. `Member Maintenance`.
    public var moduleFunctionName: String?
    /// Add level.
    public var addLevel: PermissionLevel
    /// Edit level.
    public var editLevel: PermissionLevel
    /// Delete level.
    public var deleteLevel: PermissionLevel
    /// Inquire level.
    public var inquireLevel: PermissionLevel

    /// Creates a settings row.
    public init(
        id: Int? = nil, moduleIdentifier: String? = nil, moduleName: String? = nil,
        moduleFunctionIdentifier: String? = nil, moduleFunctionName: String? = nil,
        addLevel: PermissionLevel = .null, editLevel: PermissionLevel = .null,
        deleteLevel: PermissionLevel = .null, inquireLevel: PermissionLevel = .null
    ) {
        self.id = id
        self.moduleIdentifier = moduleIdentifier
        self.moduleName = moduleName
        self.moduleFunctionIdentifier = moduleFunctionIdentifier
        self.moduleFunctionName = moduleFunctionName
        self.addLevel = addLevel
        self.editLevel = editLevel
        self.deleteLevel = deleteLevel
        self.inquireLevel = inquireLevel
    }

    /// The level of one operation.
    public func level(_ op: PermissionOperation) -> PermissionLevel {
        switch op {
        case .add: addLevel
        case .edit: editLevel
        case .delete: deleteLevel
        case .inquire: inquireLevel
        }
    }
}
