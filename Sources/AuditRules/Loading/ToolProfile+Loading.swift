import Foundation
import ManageReader
import Yams

extension ToolProfile {
    static let keys = ["id", "name", "vendor", "source", "verified", "notes", "permissions"]
    static let permissionKeys = ["module", "function", "inquire", "add", "edit", "delete"]

    /// Parses a tool profile file strictly.
    static func parse(_ text: String, file: String) throws(AuditRulesError) -> (ToolProfile, line: Int?) {
        try YAMLDocument.withRoot(text, file: file) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: file, what: "tool profile", allowed: keys)
            let id = try map.requiredString("id")
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
                throw map.fail("id", "may contain only letters, digits, '-', '_' and '.'")
            }
            guard let verified = try map.bool("verified") else {
                throw .invalid(file: file, line: map.line, message: "tool profile: missing required key 'verified'")
            }
            guard let items = try map.sequence("permissions") else {
                throw .invalid(file: file, line: map.line, message: "tool profile: missing required key 'permissions'")
            }
            var permissions: [Permission] = []
            for (index, item) in items.enumerated() {
                permissions.append(try parsePermission(item, file: file, index: index))
            }
            let profile = ToolProfile(
                id: id, name: try map.requiredString("name"), vendor: try map.requiredString("vendor"),
                source: try map.requiredString("source"), verified: verified, notes: try map.string("notes"),
                permissions: permissions, sourceFile: file)
            return (profile, map.line)
        }
    }

    private static func parsePermission(_ node: Node, file: String, index: Int) throws(AuditRulesError) -> Permission {
        let map = try YAMLMap(node, file: file, what: "permission \(index + 1)", allowed: permissionKeys)
        var levels: [PermissionOperation: PermissionLevel.Rank] = [:]
        for op in PermissionOperation.allCases {
            guard let text = try map.string(op.rawValue) else { continue }
            let level = PermissionLevel(text)
            guard level.isKnown else { throw map.fail(op.rawValue, "must be None, Mine, My or All, got '\(text)'") }
            levels[op] = level.rank
        }
        return Permission(module: try map.requiredString("module"), function: try map.requiredString("function"),
                          levels: levels)
    }
}
