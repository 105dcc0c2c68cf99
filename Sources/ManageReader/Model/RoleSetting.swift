import Foundation

/// One row of a role's settings: the four levels a role grants on one module function.
public struct RoleSetting: Codable, Sendable, Equatable {
    /// The setting id.
    public var id: Int?
    /// Module identifier, e.g. `System`.
    public var moduleIdentifier: String?
    /// Module name, e.g. `Service Desk`.
    public var moduleName: String?
    /// Module description: the screen label where the name differs from it.
    public var moduleDescription: String?
    /// Function identifier, e.g. `MemberMaintenance`.
    public var moduleFunctionIdentifier: String?
    /// Function name, e.g. `Member Maintenance` (client libraries cap it at 10 characters, so the
    /// screen label may only be in the description).
    public var moduleFunctionName: String?
    /// Function description: the screen label, e.g. `Configuration - Display Passwords`.
    public var moduleFunctionDescription: String?
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
        moduleDescription: String? = nil, moduleFunctionDescription: String? = nil,
        addLevel: PermissionLevel = .null, editLevel: PermissionLevel = .null,
        deleteLevel: PermissionLevel = .null, inquireLevel: PermissionLevel = .null
    ) {
        self.id = id
        self.moduleIdentifier = moduleIdentifier
        self.moduleName = moduleName
        self.moduleFunctionIdentifier = moduleFunctionIdentifier
        self.moduleFunctionName = moduleFunctionName
        self.moduleDescription = moduleDescription
        self.moduleFunctionDescription = moduleFunctionDescription
        self.addLevel = addLevel
        self.editLevel = editLevel
        self.deleteLevel = deleteLevel
        self.inquireLevel = inquireLevel
    }

    /// The module as a person reads it: name, else description, else identifier.
    public var moduleLabel: String { moduleName ?? moduleDescription ?? moduleIdentifier ?? "?" }

    /// The function as a person reads it: the description when the name looks cut short (the
    /// description starts with the name and is longer), else name, description, identifier.
    public var functionLabel: String {
        if let name = moduleFunctionName, let description = moduleFunctionDescription,
           description.count > name.count, description.hasPrefix(name) {
            return description
        }
        return moduleFunctionName ?? moduleFunctionDescription ?? moduleFunctionIdentifier ?? "?"
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

extension RoleSetting {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        SnapshotField("id", .int),
        SnapshotField("moduleIdentifier", .string),
        SnapshotField("moduleName", .string),
        SnapshotField("moduleDescription", .string),
        SnapshotField("moduleFunctionIdentifier", .string),
        SnapshotField("moduleFunctionName", .string),
        SnapshotField("moduleFunctionDescription", .string),
        // Levels are always written (a null level as `null`), so their keys are required.
        SnapshotField("addLevel", .level, required: true),
        SnapshotField("editLevel", .level, required: true),
        SnapshotField("deleteLevel", .level, required: true),
        SnapshotField("inquireLevel", .level, required: true),
    ]
}
