import Foundation
import ManageReader
import V360Core

/// A tool profile of what one role grants today (every row with a grant), `verified: false`: a
/// starting point for a tool whose vendor publishes nothing. Scanning a member of that role with
/// the draft as its profile gives no excess.
public struct ProfileDraft: Sendable {
    /// The role drafted.
    public var role: SecurityRole
    /// The PSA site.
    public var site: String
    /// The capture date.
    public var captured: CalendarDate
    /// The drafted rows in the role's order, rows naming one function merged by the highest level.
    public var permissions: [ToolProfile.Permission]

    /// Drafts `role` as read in `snapshot`.
    public init(role: SecurityRole, snapshot: TenantSnapshot) {
        self.role = role
        site = snapshot.source.site
        captured = CalendarDate(utc: snapshot.source.capturedAt)
        var rows: [ToolProfile.Permission] = []
        var indexByKey: [String: Int] = [:]
        for row in role.settings ?? [] {
            var levels: [PermissionOperation: PermissionLevel.Rank] = [:]
            // An unknown level string ranks as All (fail safe), so the draft asks for All.
            for op in PermissionOperation.allCases where row.level(op).isGrant { levels[op] = row.level(op).rank }
            guard !levels.isEmpty else { continue }
            let module = row.moduleLabel, function = row.functionLabel
            let key = FunctionCatalog.pairKey(module, function)
            if let index = indexByKey[key] {
                for (op, rank) in levels where rank > rows[index].level(op) { rows[index].levels[op] = rank }
            } else {
                indexByKey[key] = rows.count
                rows.append(ToolProfile.Permission(module: module, function: function, levels: levels))
            }
        }
        permissions = rows
    }

    /// A profile id from the role name: lowercase letters and digits joined by `-`.
    public var id: String {
        let words = role.name.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return words.isEmpty ? "role-\(role.id)" : words.joined(separator: "-")
    }

    /// The draft as profile YAML.
    public var yaml: String {
        let scalar = YAMLScalar.text
        var lines = [
            "# Tool profile draft written by v360audit from role '\(role.name)' (id \(role.id)) on \(site), "
                + "captured \(captured).",
            "# It lists every function the role grants today. Remove what the tool does not use, set name",
            "# and vendor, and keep verified: false unless the vendor publishes this list.",
            "id: \(scalar(id))",
            "name: \(scalar(role.name))",
            "vendor: TODO",
            "source: \(scalar("role '\(role.name)' (id \(role.id)) on \(site), captured \(captured)"))",
            "verified: false",
            "notes: Drafted from a live role by v360audit profiles draft; not a vendor list.",
        ]
        if permissions.isEmpty {
            lines.append("permissions: []")
        } else {
            lines.append("permissions:")
            for permission in permissions {
                let ops = PermissionOperation.allCases.compactMap { op in
                    permission.levels[op].map { "\(op.rawValue): \($0.name)" }
                }
                lines.append("  - { module: \(YAMLScalar.flowText(permission.module)), function: \(YAMLScalar.flowText(permission.function)), "
                             + ops.joined(separator: ", ") + " }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
