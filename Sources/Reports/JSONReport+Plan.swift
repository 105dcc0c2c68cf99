import AuditRules
import Foundation

extension JSONReport {
    /// One plan entry: the same keys `PlanEntry`'s `Encodable` writes (absent ones left out).
    static func write(_ stream: inout JSONStream, _ entry: PlanEntry) {
        var fields: [JSONStream.Field] = [
            ("action", { $0.string(entry.action.rawValue) }),
            ("roleId", { $0.int(entry.roleId) }),
            ("roleName", { $0.string(entry.roleName) }),
        ]
        if let members = entry.members { fields.append(("members", { $0.array(members) { $0.string($1) } })) }
        if let member = entry.member { fields.append(("member", { $0.string(member) })) }
        fields.append(("tools", { $0.array(entry.tools) { $0.string($1) } }))
        if let changes = entry.changes {
            fields.append(("changes", { $0.array(changes) { stream, change in
                stream.stringObject(sortedFields: ["from": change.from, "function": change.function, "module": change.module,
                                                   "op": change.op, "to": change.to])
            } }))
        }
        if let grants = entry.grants {
            fields.append(("grants", { $0.array(grants) { stream, grant in
                stream.stringObject(sortedFields: ["add": grant.add, "delete": grant.delete, "edit": grant.edit,
                                                   "function": grant.function, "inquire": grant.inquire,
                                                   "module": grant.module])
            } }))
        }
        fields.append(("residual", { $0.array(entry.residual) { stream, residual in
            stream.object([
                ("function", { $0.string(residual.function) }), ("module", { $0.string(residual.module) }),
                ("op", { $0.string(residual.op) }),
                ("requestedBy", { $0.array(residual.requestedBy) { $0.string($1) } }),
                ("ruleId", { $0.string(residual.ruleId) }),
            ])
        } }))
        stream.object(fields)
    }
}
