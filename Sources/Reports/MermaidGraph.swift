import AuditRules

/// The inventory as a Mermaid `graph LR`: API member → role, member ⇢ tool. Members with open
/// findings are coloured by their worst severity; Admin roles are coloured critical.
///
/// Node ids are generated (`m0`, `r0`, `t0`), never taken from tenant data; labels are quoted and
/// entity-escaped so no tenant string can end the label, the graph or the fenced block.
struct MermaidGraph {
    /// Members drawn before the graph is cut (a larger graph does not render usefully).
    static let maxMembers = 60

    var rows: [InventoryRow]
    /// Rule id → severity, to colour members by their worst open finding.
    var severities: [String: Severity]

    /// The fenced `mermaid` block.
    func render() -> String {
        var lines = ["```mermaid", "graph LR"]
        var roleIds: [String: String] = [:]
        var toolIds: [String: String] = [:]
        var classes: [String: [String]] = [:]
        for (index, row) in rows.prefix(Self.maxMembers).enumerated() {
            let member = "m\(index)"
            let status = row.active ? "" : " (inactive)"
            lines.append("  \(member)[\"\(Self.label(row.member.identifier + status))\"]")
            if let worst = row.findingRuleIds.compactMap({ severities[$0] }).max() {
                classes[worst.rawValue, default: []].append(member)
            }
            let roleKey = row.roleId.map { "id:\($0)" } ?? "name:\(row.roleName ?? "")"
            if row.roleId != nil || row.roleName != nil {
                let role = roleIds[roleKey] ?? "r\(roleIds.count)"
                if roleIds[roleKey] == nil {
                    roleIds[roleKey] = role
                    lines.append("  \(role){{\"\(Self.label(row.roleName ?? "role \(row.roleId ?? 0)"))\"}}")
                    if row.roleIsAdmin { classes[Severity.critical.rawValue, default: []].append(role) }
                }
                lines.append("  \(member) --> \(role)")
            }
            for tool in row.tools {
                let node = toolIds[tool.lowercased()] ?? "t\(toolIds.count)"
                if toolIds[tool.lowercased()] == nil {
                    toolIds[tool.lowercased()] = node
                    lines.append("  \(node)([\"\(Self.label(tool))\"])")
                }
                lines.append("  \(member) -.-> \(node)")
            }
        }
        lines += Self.classDefs
        for severity in Severity.allCases {
            if let nodes = classes[severity.rawValue] {
                lines.append("  class \(nodes.joined(separator: ",")) \(severity.rawValue)")
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }

    private static let classDefs = [
        "  classDef critical fill:#f8d7da,stroke:#b02a37,color:#58151c",
        "  classDef high fill:#ffe5d0,stroke:#ca6510,color:#4d2a05",
        "  classDef medium fill:#fff3cd,stroke:#997404,color:#3d2f01",
        "  classDef low fill:#cff4fc,stroke:#087990,color:#032830",
        "  classDef info fill:#e2e3e5,stroke:#41464b,color:#141619",
    ]

    /// A quoted-label-safe text: Mermaid entity codes for `#`, `"`, `<`, `>`, backticks replaced,
    /// line breaks and control characters removed, length clipped.
    static func label(_ text: String) -> String {
        var out = ""
        for character in text.prefix(60) {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "'"
            case "&": out += "#amp;"
            default:
                if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return text.count > 60 ? out + "…" : out
    }
}
