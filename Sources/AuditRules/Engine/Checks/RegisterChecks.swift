import Foundation
import ManageReader

/// `shared-member` and `unregistered-member`: member rules that read the register.
enum RegisterChecks {
    /// An active API member holding keys of two or more tools.
    static func sharedMember(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers], into: &out)
        if ctx.skipWithoutRegister(into: &out) { return out }
        for member in ctx.activeAPIMembers {
            let tools = ctx.tools(of: member)
            guard tools.count >= 2 else { out.pass(member.resource); continue }
            let keys = (ctx.keysByMember[member.key] ?? []).filter { !$0.key.retired }
            out.fail(rule, member.resource,
                     "API member \(member.identifier) holds keys of \(tools.count) tools (\(tools.joined(separator: ", "))); "
                        + "each tool should have its own API member.",
                     [EvidenceField("tools", .list(tools.map { .string($0) })),
                      EvidenceField("keys", .list(keys.map { .string($0.key.description) }))])
        }
        return out
    }

    /// An active API member with no key in the register (retired keys count as registered).
    static func unregistered(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.member, [.members, .apiMembers], into: &out)
        if ctx.skipWithoutRegister(into: &out) { return out }
        for member in ctx.activeAPIMembers {
            if ctx.keysByMember[member.key]?.isEmpty == false { out.pass(member.resource); continue }
            var evidence = [EvidenceField("register", .string(ctx.register?.fileName ?? ""))]
            if let roleName = roleName(member, ctx) { evidence.insert(EvidenceField("role", .string(roleName)), at: 0) }
            out.fail(rule, member.resource,
                     "API member \(member.identifier) is active but has no key in the register, so nobody owns its keys.",
                     evidence)
        }
        return out
    }

    private static func roleName(_ member: MemberView, _ ctx: AuditContext) -> String? {
        if case .role(let role) = ctx.role(of: member) { return role.name }
        return member.role?.name
    }
}
