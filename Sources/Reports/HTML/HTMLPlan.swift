import AuditRules

/// The HTML report's remediation plan: per role, the levels to lower in System > Security Roles
/// terms, or the dedicated role to create (a table of levels) and the member to move to it.
struct HTMLPlan {
    var plan: [PlanEntry]

    /// The plan in one sentence (the mail's headline too).
    static func headline(_ plan: [PlanEntry]) -> String {
        guard !plan.isEmpty else { return "Nothing to plan: no open overbroad finding." }
        let lowered = plan.filter { $0.action == .lowerRole }.count
        return "\(lowered) role(s) to lower in place, \(plan.count - lowered) dedicated role(s) to create; "
            + "no integration loses what its tool profile needs."
    }

    /// Appends the section within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        out.raw("<section id=\"plan\"><h2>Remediation plan</h2><p class=\"lead\">")
        out.text(Self.headline(plan))
        out.raw("</p>")
        guard !plan.isEmpty else {
            out.raw("</section>")
            return nil
        }
        let shown = out.appendItems(plan.enumerated(), budget: budget - 512) { item, piece in
            entry(item.element, unfolded: item.offset == 0, to: &piece)
        }
        var note: String?
        if shown < plan.count {
            note = "\(plan.count - shown) of \(plan.count) plan steps"
            out.raw("<p class=\"note cut\">\(plan.count - shown) more steps are left out to keep this report under its size "
                + "limit; <code>v360audit plan</code> and the JSON report have the whole plan.</p>")
        }
        out.raw("</section>")
        return note
    }

    private func entry(_ entry: PlanEntry, unfolded: Bool, to out: inout HTMLBuffer) {
        out.raw("<details class=\"step\"" + (unfolded ? " open" : "") + "><summary>")
        if entry.action == .lowerRole {
            out.raw("Lower role <strong>")
            out.text(entry.roleName, maxScalars: 200)
            out.raw("</strong> (id \(entry.roleId)) in place")
        } else {
            out.raw("New role for <code>")
            out.text(entry.member ?? "", maxScalars: 200)
            out.raw("</code> (now on <strong>")
            out.text(entry.roleName, maxScalars: 200)
            out.raw("</strong>, id \(entry.roleId))")
        }
        out.raw("</summary><div class=\"body\"><p>")
        if entry.action == .lowerRole {
            let members = entry.members ?? []
            out.raw("Held only by ")
            codeList(members, to: &out)
            out.raw(members.count == 1 ? ", with the tools " : ", all with the same tools (")
            codeList(entry.tools, to: &out)
            out.raw(members.count == 1 ? "" : ")")
            out.raw(". In System &gt; Security Roles, change exactly these levels:</p><div class=\"scroll\"><table class=\"grid\"><thead><tr>"
                + "<th scope=\"col\">module</th><th scope=\"col\">function</th><th scope=\"col\">operation</th>"
                + "<th scope=\"col\">from</th><th scope=\"col\">to</th></tr></thead><tbody>")
            for change in entry.changes ?? [] {
                cells([change.module, change.function, change.op, change.from, change.to], to: &out)
            }
            out.raw("</tbody></table></div>")
        } else {
            out.raw("In System &gt; Security Roles, create a role with exactly what ")
            codeList(entry.tools, to: &out)
            out.raw(entry.tools.count == 1 ? " needs" : " need")
            out.raw("; every other function None:</p><div class=\"scroll\"><table class=\"grid\"><thead><tr><th scope=\"col\">module</th>"
                + "<th scope=\"col\">function</th><th scope=\"col\">inquire</th><th scope=\"col\">add</th>"
                + "<th scope=\"col\">edit</th><th scope=\"col\">delete</th></tr></thead><tbody>")
            for grant in entry.grants ?? [] {
                cells([grant.module, grant.function, grant.inquire, grant.add, grant.edit, grant.delete], to: &out)
            }
            out.raw("</tbody></table></div><p>Then in System &gt; Members &gt; API Members, set <code>")
            out.text(entry.member ?? "", maxScalars: 200)
            out.raw("</code>&#39;s Role ID to the new role.</p>")
        }
        residual(entry.residual, to: &out)
        out.raw("</div></details>")
    }

    /// What the change leaves: sensitive grants a tool's profile asks for, said in words, so nobody
    /// applies the step believing the escalation is gone.
    private func residual(_ residual: [PlanEntry.Residual], to out: inout HTMLBuffer) {
        guard !residual.isEmpty else { return }
        out.raw("<p class=\"cut\"><strong>This change does not remove every sensitive grant.</strong> The role keeps "
            + "these, so the escalation they allow remains after the change and the rule keeps flagging it; remove the "
            + "tool feature that needs them, or accept the risk with a waiver:</p><div class=\"scroll\"><table class=\"grid\">"
            + "<thead><tr><th scope=\"col\">module</th><th scope=\"col\">function</th><th scope=\"col\">operation</th>"
            + "<th scope=\"col\">rule</th><th scope=\"col\">asked for by</th></tr></thead><tbody>")
        for item in residual {
            cells([item.module, item.function, item.op, item.ruleId,
                   item.requestedBy.isEmpty ? "no tool profile" : item.requestedBy.joined(separator: ", ")], to: &out)
        }
        out.raw("</tbody></table></div>")
    }

    private func cells(_ values: [String], to out: inout HTMLBuffer) {
        out.raw("<tr>")
        for value in values {
            out.raw("<td>")
            out.text(value, maxScalars: 200)
            out.raw("</td>")
        }
        out.raw("</tr>")
    }

    private func codeList(_ items: [String], to out: inout HTMLBuffer) {
        for (index, item) in items.enumerated() {
            if index > 0 { out.raw(", ") }
            out.raw("<code>")
            out.text(item, maxScalars: 200)
            out.raw("</code>")
        }
    }
}
