import Foundation
import ManageReader

/// `integrator-all-access` and `scanner-read-only`.
enum AccessChecks {
    /// An active legacy integrator login with all-APIs or all-records access.
    static func integrator(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        ctx.reportListGaps(.integratorLogin, [.integratorLogins], into: &out)
        for login in ctx.snapshot.integratorLogins where login.isActive {
            let resource = ResourceRef(kind: .integratorLogin, id: login.id, identifier: login.username)
            let apis = login.canAccessAllApisFlag == true, records = login.canAccessAllRecordsFlag == true
            guard apis || records else { out.pass(resource); continue }
            let what = [apis ? "all APIs" : nil, records ? "all records" : nil].compactMap { $0 }.joined(separator: " and ")
            out.fail(rule, resource, "Integrator login \(login.username) is active and may access \(what).",
                     [EvidenceField("canAccessAllApisFlag", .bool(apis)),
                      EvidenceField("canAccessAllRecordsFlag", .bool(records)),
                      EvidenceField("member", login.member?.identifier.map { .string($0) } ?? .null)])
        }
        return out
    }

    /// The scanner's own role grants add, edit or delete anywhere.
    static func scanner(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        guard let scanner = ctx.snapshot.scanner else {
            let resource = AuditContext.placeholder(.member, "(scanner)")
            if let gap = ctx.snapshot.gaps.first(where: { $0.area == .mySecurity }) {
                out.error(resource, DataProblem(endpoint: gap.endpoint, status: gap.status, detail: gap.detail))
            } else {
                out.skip(resource, "the snapshot has no /system/mySecurity data")
            }
            return out
        }
        let identifier = scanner.member?.identifier ?? "(scanner)"
        let known = ctx.people[identifier.lowercased()]
        let resource = ResourceRef(kind: .member, id: scanner.member?.id ?? known?.id, identifier: identifier,
                                   name: scanner.member?.name ?? known?.name)
        var grants: [EvidenceValue] = []
        for row in scanner.settings {
            for op in [PermissionOperation.add, .edit, .delete] where row.level(op).isGrant {
                let level = row.level(op)
                grants.append(.object([
                    EvidenceField("module", .string(row.moduleName ?? row.moduleIdentifier ?? "?")),
                    EvidenceField("function", .string(row.moduleFunctionName ?? row.moduleFunctionIdentifier ?? "?")),
                    EvidenceField("op", .string(op.rawValue)),
                    EvidenceField("level", .string(level.isKnown ? level.rank.name : level.raw ?? ""))]))
            }
        }
        guard !grants.isEmpty else { out.pass(resource); return out }
        out.fail(rule, resource,
                 "The scanner's own member \(identifier) may add, edit or delete (\(grants.count) grant(s)); "
                    + "an audit key should be read-only.",
                 [EvidenceField("grants", .list(grants))])
        return out
    }
}
