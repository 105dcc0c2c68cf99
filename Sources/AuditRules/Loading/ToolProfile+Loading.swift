import Foundation
import ManageReader
import Yams

extension ToolProfile {
    static let keys = ["id", "name", "vendor", "source", "references", "verified", "notes", "hints", "permissions"]
    static let permissionKeys = ["module", "function", "inquire", "add", "edit", "delete", "feature"]

    /// Parses a tool profile file strictly: unknown keys, bad levels, a source that is not a URL
    /// and a row listed twice are errors naming the file and line.
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
            guard map.has("permissions") else {
                throw .invalid(file: file, line: map.line, message: "tool profile: missing required key 'permissions'")
            }
            let source = try map.requiredString("source")
            let references = try map.stringList("references") ?? []
            // A verified list must say where it was read; a draft of a live role names the role instead.
            if verified, !isWebAddress(source) {
                throw map.fail("source", "must be an http(s) address when verified is true, got '\(source)'")
            }
            for url in references where !isWebAddress(url) {
                throw map.fail("references", "must be http(s) addresses, got '\(url)'")
            }
            var permissions: [Permission] = []
            var seen: [String: Int] = [:]
            for (index, item) in (try map.sequence("permissions") ?? []).enumerated() {
                let permission = try parsePermission(item, file: file, index: index)
                let key = [permission.module, permission.function, permission.feature ?? ""]
                    .map { $0.lowercased() }.joined(separator: "\u{1F}")
                if let first = seen[key] {
                    throw .invalid(file: file, line: permission.line,
                                   message: "permission \(index + 1): \(permission.module) / \(permission.function) "
                                       + "is listed twice (first as permission \(first + 1))")
                }
                seen[key] = index
                permissions.append(permission)
            }
            let profile = ToolProfile(
                id: id, name: try map.requiredString("name"), vendor: try map.requiredString("vendor"),
                source: source, references: references, verified: verified, notes: try map.string("notes"),
                hints: try parseHints(map, file: file), permissions: permissions, sourceFile: file)
            return (profile, map.line)
        }
    }

    private static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "https" || scheme == "http"
    }

    private static func parseHints(_ map: YAMLMap, file: String) throws(AuditRulesError) -> Hints {
        guard let node = map.node("hints") else { return Hints() }
        let hints = try YAMLMap(node, file: file, what: "tool profile hints", allowed: ["members", "roles"])
        return Hints(members: try hints.stringList("members") ?? [], roles: try hints.stringList("roles") ?? [])
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
        let feature = try map.string("feature")
        if let feature, !feature.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw map.fail("feature", "may contain only letters, digits, '-' and '_', got '\(feature)'")
        }
        return Permission(module: try map.requiredString("module"), function: try map.requiredString("function"),
                          levels: levels, feature: feature, line: map.line)
    }
}
