import AuditRules

/// The API member → role → tools graph as inline SVG, then the inventory as a table.
///
/// Members are coloured by their worst open finding (CSS classes, so the dark scheme and print
/// restyle them), Admin roles are marked, inactive members dashed. Every label is tenant data,
/// escaped by ``HTMLText`` and cut to the column's width; the full name is in the node's `<title>`.
struct HTMLGraph {
    /// Members drawn before the graph stops; the table lists every member.
    static let maxMembers = 400
    /// Left edges and widths of the three columns.
    private static let memberX = 8, memberWidth = 260
    private static let roleX = 370, roleWidth = 240
    private static let toolX = 720, toolWidth = 212
    private static let width = 940

    var context: ReportContext

    /// Appends the section within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        let rows = context.result.inventory
        out.raw("<section id=\"graph\"><h2>API members, roles and tools</h2>")
        guard !rows.isEmpty else {
            out.raw("<p>No API members were found.</p></section>")
            return nil
        }
        let start = out.count
        var notes: [String] = []
        var svg = HTMLBuffer()
        drawing(HTMLGraphLayout(rows: rows.prefix(Self.maxMembers)), to: &svg)
        if svg.count <= budget / 2 {
            out.raw("<figure class=\"graph\">")
            out.append(svg)
            out.raw("<figcaption>")
            legend(to: &out)
            if rows.count > Self.maxMembers {
                out.raw(" The graph draws the first \(Self.maxMembers) of \(rows.count) API members; the table below lists all of them.")
            }
            out.raw("</figcaption></figure>")
        } else {
            notes.append("the graph")
            out.raw("<p class=\"note cut\">The graph is left out to keep this report under its size limit; the table below lists the members.</p>")
        }
        out.raw("<details class=\"inventory\"" + (rows.count <= 10 ? " open" : "") + "><summary>The inventory as a table "
            + "(\(rows.count) API members)</summary><div class=\"scroll\"><table class=\"grid\"><thead><tr><th scope=\"col\">API member</th>"
            + "<th scope=\"col\">name</th><th scope=\"col\">active</th><th scope=\"col\">role</th><th scope=\"col\">tools</th>"
            + "<th scope=\"col\">keys</th><th scope=\"col\">open findings</th></tr></thead><tbody>")
        let shown = out.appendItems(rows, budget: budget - (out.count - start) - 512) { row, piece in
            tableRow(row, to: &piece)
        }
        out.raw("</tbody></table></div>")
        if shown < rows.count {
            notes.append("\(rows.count - shown) of \(rows.count) inventory rows")
            out.raw("<p class=\"note cut\">\(rows.count - shown) more API members are left out of this table; "
                + "the JSON report (<code>v360audit.json</code>) has the whole inventory.</p>")
        }
        out.raw("</details></section>")
        return notes.isEmpty ? nil : notes.joined(separator: " and ")
    }

    /// The `<svg>` element.
    private func drawing(_ layout: HTMLGraphLayout, to out: inout HTMLBuffer) {
        let height = layout.height
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"graph-title\" "
            + "viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" height=\"\(height)\">"
            + "<title id=\"graph-title\">API members (left) linked to their security role (middle) and the tools whose "
            + "keys they hold (right)</title>"
            + "<text class=\"col\" x=\"\(Self.memberX)\" y=\"16\">API members</text>"
            + "<text class=\"col\" x=\"\(Self.roleX)\" y=\"16\">Security roles</text>"
            + "<text class=\"col\" x=\"\(Self.toolX)\" y=\"16\">Tools (register)</text><g class=\"edges\">")
        let memberRight = Self.memberX + Self.memberWidth, roleRight = Self.roleX + Self.roleWidth
        for (position, role) in layout.memberRole.enumerated() {
            guard let role else { continue }
            curve(from: (memberRight, HTMLGraphLayout.memberY(position)), to: (Self.roleX, layout.roles[role].y),
                  class: "to-role", to: &out)
        }
        for edge in layout.roleTools {
            curve(from: (roleRight, layout.roles[edge.role].y), to: (Self.toolX, layout.tools[edge.tool].y),
                  class: "to-tool", to: &out)
        }
        for edge in layout.memberTools {
            curve(from: (memberRight, HTMLGraphLayout.memberY(edge.member)), to: (Self.toolX, layout.tools[edge.tool].y),
                  class: "to-tool", to: &out)
        }
        out.raw("</g>")
        let severities = Dictionary(context.result.rules.map { ($0.rule.id, $0.rule.severity) }, uniquingKeysWith: { a, _ in a })
        for (position, row) in layout.rows.enumerated() {
            let worst = row.findingRuleIds.compactMap { severities[$0] }.max()
            var classes = "node member sev-\(worst?.rawValue ?? "none")"
            if !row.active { classes += " inactive" }
            var title = EvidenceText.resource(row.member)
            if !row.active { title += " (inactive)" }
            if let worst { title += "; worst open finding: \(worst.rawValue)" }
            node(classes: classes, x: Self.memberX, width: Self.memberWidth, centre: HTMLGraphLayout.memberY(position),
                 label: row.member.identifier + (row.active ? "" : " (inactive)"), title: title, maxScalars: 34, to: &out)
        }
        for role in layout.roles {
            // "⚠ Admin" says it once; "⚠ API Full (Admin)" says why a role with another name is marked.
            let named = role.label.lowercased().contains("admin")
            node(classes: "node role" + (role.isAdmin ? " admin" : ""), x: Self.roleX, width: Self.roleWidth, centre: role.y,
                 label: (role.isAdmin ? "⚠ " : "") + role.label + (role.isAdmin && !named ? " (Admin)" : ""),
                 title: "role " + role.label + (role.isAdmin ? " (Admin)" : "") + ", held by \(role.members.count) drawn member(s)",
                 maxScalars: 30, to: &out)
        }
        for tool in layout.tools {
            node(classes: "node tool", x: Self.toolX, width: Self.toolWidth, centre: tool.y, label: tool.label,
                 title: "tool " + tool.label, maxScalars: 28, to: &out)
        }
        out.raw("</svg>")
    }

    private func curve(from: (Int, Int), to: (Int, Int), class name: String, to out: inout HTMLBuffer) {
        let middle = (from.0 + to.0) / 2
        out.raw("<path class=\"\(name)\" d=\"M\(from.0) \(from.1)C\(middle) \(from.1) \(middle) \(to.1) \(to.0) \(to.1)\"/>")
    }

    private func node(classes: String, x: Int, width: Int, centre: Int, label: String, title: String, maxScalars: Int,
                      to out: inout HTMLBuffer) {
        let top = centre - HTMLGraphLayout.boxHeight / 2
        out.raw("<g class=\"\(classes)\"><title>")
        out.text(title, maxScalars: 300)
        out.raw("</title><rect x=\"\(x)\" y=\"\(top)\" width=\"\(width)\" height=\"\(HTMLGraphLayout.boxHeight)\" rx=\"4\"/>"
            + "<text x=\"\(x + 8)\" y=\"\(centre + 4)\">")
        out.text(label, maxScalars: maxScalars)
        out.raw("</text></g>")
    }

    private func legend(to out: inout HTMLBuffer) {
        out.raw("Members are coloured by their worst open finding: ")
        for severity in Severity.allCases.reversed() {
            out.raw("<span class=\"swatch sev-\(severity.rawValue)\"></span>\(severity.rawValue) ")
        }
        out.raw("<span class=\"swatch sev-none\"></span>none. Solid lines lead from a member to its security role, dashed "
            + "lines from a role to the tools whose keys its members hold (the table says which member holds which); "
            + "⚠ marks an Admin role, a dashed box an inactive member.")
    }

    private func tableRow(_ row: InventoryRow, to out: inout HTMLBuffer) {
        out.raw("<tr><td>")
        out.text(row.member.identifier, maxScalars: 200)
        out.raw("</td><td>")
        out.text(row.member.name ?? "", maxScalars: 200)
        out.raw("</td><td>" + (row.active ? "yes" : "no") + "</td><td>")
        out.text(row.roleName ?? row.roleId.map { "id \($0)" } ?? "none", maxScalars: 200)
        if row.roleIsAdmin { out.raw(" <span class=\"badge sev-critical\">Admin</span>") }
        out.raw("</td><td>")
        out.text(row.tools.joined(separator: ", "), maxScalars: 400)
        out.raw("</td><td class=\"num\">\(row.keyCount)</td><td>")
        for (index, rule) in row.findingRuleIds.enumerated() {
            if index > 0 { out.raw(", ") }
            out.raw("<code>")
            out.text(rule)
            out.raw("</code>")
        }
        out.raw("</td></tr>")
    }
}
