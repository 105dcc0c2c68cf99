import AuditRules

/// The Markdown report's API member → role → tools inventory, as a table and a Mermaid graph.
struct MarkdownInventory {
    var context: ReportContext

    /// The inventory section's blocks (empty inventory: one sentence).
    func blocks() -> [String] {
        let rows = context.result.inventory
        let title = "## Inventory: API member → role → tools"
        guard !rows.isEmpty else { return [title + "\n\nNo API members were found."] }
        let severities = Dictionary(context.result.rules.map { ($0.rule.id, $0.rule.severity) },
                                    uniquingKeysWith: { a, _ in a })
        let header = MarkdownText.header(["API member", "name", "active", "role", "tools", "keys", "open findings"],
                                         alignRight: [5])
        let tableRows = rows.map { row in
            MarkdownText.row([
                MarkdownText.escape(row.member.identifier),
                MarkdownText.escape(row.member.name ?? ""),
                row.active ? "yes" : "no",
                MarkdownText.escape(row.roleName ?? row.roleId.map { "id \($0)" } ?? "none")
                    + (row.roleIsAdmin ? " **(Admin)**" : ""),
                row.tools.map { MarkdownText.escape($0) }.joined(separator: ", "),
                String(row.keyCount),
                row.findingRuleIds.map { "`\($0)`" }.joined(separator: ", "),
            ])
        }
        let table = MarkdownText.foldedTable(header: header, rows: tableRows, visible: 25,
                                             summary: "\(tableRows.count - 25) more API members")
        var graph = MermaidGraph(rows: rows, severities: severities).render()
        if rows.count > MermaidGraph.maxMembers {
            graph += "\n\nThe graph shows the first \(MermaidGraph.maxMembers) of \(rows.count) API members; the table lists all."
        }
        return [title + "\n\n" + table, graph]
    }
}
