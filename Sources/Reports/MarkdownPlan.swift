import AuditRules
import Foundation

/// The "Remediation plan" section: per role the levels to lower in System > Security Roles terms,
/// or the dedicated role to create (a table of levels) and the member to move to it.
package struct MarkdownPlan {
    /// The plan to render.
    package var plan: [PlanEntry]

    /// Renders `plan`.
    package init(plan: [PlanEntry]) {
        self.plan = plan
    }

    /// The section, or nothing when there is nothing to plan.
    func blocks() -> [String] {
        guard !plan.isEmpty else { return [] }
        let lowered = plan.filter { $0.action == .lowerRole }.count
        var out = ["## Remediation plan\n\n"
            + "Change exactly these levels and no integration on the role loses what its tool profile needs. "
            + "\(lowered) role(s) to lower in place, \(plan.count - lowered) dedicated role(s) to create."]
        for entry in plan { out.append(entry.action == .lowerRole ? lower(entry) : create(entry)) }
        return out
    }

    /// The whole section as one text (`v360audit plan`).
    package var text: String {
        let blocks = blocks()
        return blocks.isEmpty
            ? "## Remediation plan\n\nNothing to plan: no open overbroad finding.\n"
            : blocks.joined(separator: "\n\n") + "\n"
    }

    private func lower(_ entry: PlanEntry) -> String {
        let role = MarkdownText.escape(entry.roleName)
        let members = (entry.members ?? []).map { "`\(code($0))`" }.joined(separator: ", ")
        let lines = (entry.changes ?? []).map { change in
            "- System > Security Roles > *\(role)*: \(MarkdownText.escape(change.module)) / "
                + "\(MarkdownText.escape(change.function)), \(change.op): \(MarkdownText.escape(change.from)) → \(change.to)"
        }
        let holders = (entry.members ?? []).count == 1
            ? "Held only by \(members), with the tools \(tools(entry))"
            : "Held only by \(members), all with the same tools (\(tools(entry)))"
        return "### Lower role *\(role)* (id \(entry.roleId))\n\n"
            + "\(holders): lower it in place.\n\n" + lines.joined(separator: "\n") + residual(entry)
    }

    private func create(_ entry: PlanEntry) -> String {
        let member = code(entry.member ?? "")
        let rows = (entry.grants ?? []).map { grant in
            MarkdownText.row([MarkdownText.escape(grant.module), MarkdownText.escape(grant.function),
                              grant.inquire, grant.add, grant.edit, grant.delete])
        }
        let header = MarkdownText.header(["module", "function", "inquire", "add", "edit", "delete"])
        return "### New role for `\(member)` (now on *\(MarkdownText.escape(entry.roleName))*, id \(entry.roleId))\n\n"
            + "In System > Security Roles, create a role with exactly what \(tools(entry)) "
            + (entry.tools.count == 1 ? "needs" : "need") + "; every other "
            + "function None:\n\n" + ([header] + rows).joined(separator: "\n") + "\n\n"
            + "Then in System > Members > API Members, set `\(member)`'s Role ID to the new role." + residual(entry)
    }

    /// What the change leaves: sensitive grants a tool's profile asks for, said in words.
    private func residual(_ entry: PlanEntry) -> String {
        guard !entry.residual.isEmpty else { return "" }
        let lines = entry.residual.map { residual in
            let asked = residual.requestedBy.isEmpty
                ? "no tool profile asks for it"
                : "asked for by the profile of " + residual.requestedBy.map { "`\(code($0))`" }.joined(separator: ", ")
            return "- \(MarkdownText.escape(residual.module)) / \(MarkdownText.escape(residual.function)), "
                + "\(residual.op) (`\(residual.ruleId)`): \(asked)"
        }
        return "\n\n**This change does not remove every sensitive grant.** The role keeps these, so the "
            + "escalation they allow remains after the change and the rule keeps flagging it; remove the tool "
            + "feature that needs them, or accept the risk with a waiver:\n\n" + lines.joined(separator: "\n")
    }

    private func tools(_ entry: PlanEntry) -> String {
        entry.tools.map { "`\(code($0))`" }.joined(separator: ", ")
    }

    /// Text inside a code span: backticks and newlines cannot break out of it.
    private func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
