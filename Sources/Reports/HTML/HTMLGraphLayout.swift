import AuditRules

/// Where the inventory graph's nodes go: API members, roles and tools in three columns.
///
/// Members are drawn in inventory order, one per row. Each role and tool is placed at the mean
/// height of the members linked to it, then pushed down just enough not to overlap the one above,
/// so edges stay short and mostly horizontal. Integer arithmetic only: the same inventory always
/// gives the same drawing, byte for byte.
struct HTMLGraphLayout {
    /// A role or tool node: its label, where it sits, and what it hangs off (member rows for a
    /// role; heights of the roles and members linked to it for a tool).
    struct Node {
        var label: String
        var y = 0
        var members: [Int] = []
        var isAdmin = false
    }

    /// Vertical distance between two nodes of a column.
    static let pitch = 26
    /// Height of a node's box.
    static let boxHeight = 20
    /// Top of the first row (below the column headings).
    static let top = 34

    /// The members drawn, in order.
    let rows: ArraySlice<InventoryRow>
    /// Each member's role node (an index into ``roles``), if it has a role.
    private(set) var memberRole: [Int?] = []
    /// Role nodes, top to bottom.
    private(set) var roles: [Node] = []
    /// Tool nodes, top to bottom.
    private(set) var tools: [Node] = []

    /// Edges from a role to a tool its members hold keys for, each pair once, in first-seen order.
    private(set) var roleTools: [(role: Int, tool: Int)] = []
    /// Edges from a member with no role straight to its tools.
    private(set) var memberTools: [(member: Int, tool: Int)] = []

    /// Lays out `rows`.
    init(rows: ArraySlice<InventoryRow>) {
        self.rows = rows
        var roleIndex: [String: Int] = [:]
        var toolIndex: [String: Int] = [:]
        var toolsOfMember: [[Int]] = []
        for (position, row) in rows.enumerated() {
            var role: Int?
            if row.roleId != nil || row.roleName != nil {
                // The same key MermaidGraph uses: a role id when known, else its name.
                let key = row.roleId.map { "id:\($0)" } ?? "name:\(row.roleName ?? "")"
                let index = roleIndex[key] ?? roles.count
                if index == roles.count {
                    roleIndex[key] = index
                    roles.append(Node(label: row.roleName ?? "role \(row.roleId ?? 0)", isAdmin: row.roleIsAdmin))
                }
                roles[index].members.append(position)
                role = index
            }
            memberRole.append(role)
            var linked: [Int] = []
            for tool in row.tools {
                let key = tool.lowercased()
                let index = toolIndex[key] ?? tools.count
                if index == tools.count {
                    toolIndex[key] = index
                    tools.append(Node(label: tool))
                }
                tools[index].members.append(position)
                linked.append(index)
            }
            toolsOfMember.append(linked)
        }
        let roleOrder = Self.place(&roles) { Self.memberY($0) }
        memberRole = memberRole.map { $0.map { roleOrder[$0] } }
        // Tools hang off the roles of the members holding them (a member with no role links straight),
        // so the drawing reads member → role → tool; the table beside it says which member holds which.
        var seen = Set<Int>()
        var anchors = Array(repeating: [Int](), count: tools.count)
        for (position, linked) in toolsOfMember.enumerated() {
            for tool in linked {
                if let role = memberRole[position] {
                    guard seen.insert(role * tools.count + tool).inserted else { continue }
                    roleTools.append((role, tool))
                    anchors[tool].append(roles[role].y)
                } else {
                    memberTools.append((position, tool))
                    anchors[tool].append(Self.memberY(position))
                }
            }
        }
        for index in tools.indices { tools[index].members = anchors[index] }
        let toolOrder = Self.place(&tools) { $0 }
        roleTools = roleTools.map { ($0.role, toolOrder[$0.tool]) }
        memberTools = memberTools.map { ($0.member, toolOrder[$0.tool]) }
    }

    /// The centre height of member row `position`.
    static func memberY(_ position: Int) -> Int { top + position * pitch + boxHeight / 2 }

    /// The drawing's height.
    var height: Int {
        let bottoms = [rows.isEmpty ? nil : Self.memberY(rows.count - 1), roles.last?.y, tools.last?.y].compactMap { $0 }
        return (bottoms.max() ?? Self.top) + Self.boxHeight / 2 + 12
    }

    /// Sorts `nodes` by the mean height of what they hang off (`height` of each of their
    /// `members`) and spaces them a pitch apart at least.
    /// - Returns: Each node's new index, by its old index.
    private static func place(_ nodes: inout [Node], height: (Int) -> Int) -> [Int] {
        for index in nodes.indices {
            let sum = nodes[index].members.reduce(0) { $0 + height($1) }
            nodes[index].y = sum / max(1, nodes[index].members.count)
        }
        // Stable: equal heights keep first-seen order.
        let order = nodes.indices.sorted { (nodes[$0].y, $0) < (nodes[$1].y, $1) }
        var newIndex = Array(repeating: 0, count: nodes.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        nodes = order.map { nodes[$0] }
        var previous = Int.min / 2
        for index in nodes.indices {
            nodes[index].y = max(nodes[index].y, previous + pitch, top + boxHeight / 2)
            previous = nodes[index].y
        }
        return newIndex
    }
}
