import Foundation
import ManageReader

/// `orphaned-key` and `stale-key`: rules over register entries.
enum KeyChecks {
    /// Orphan reasons, in report order.
    enum Reason: String { case memberMissing = "member-missing", memberInactive = "member-inactive",
                          toolRetired = "tool-retired", duplicate }

    /// A registered key whose member is missing or inactive, whose tool is retired while the member
    /// is active, or that duplicates a newer key of the same tool on the same member.
    static func orphaned(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        guard let register = ctx.register else {
            out.skip(AuditContext.placeholder(.apiKey, "(no register)"), "no key register was given (--register)")
            return out
        }
        let duplicates = duplicateIndexes(register)
        for (index, key) in register.keys.enumerated() {
            let resource = ctx.resource(ofKey: index, key)
            let person = ctx.people[key.member.lowercased()]
            if person == nil && ctx.memberListsIncomplete {
                let gap = ctx.wholeGaps([.members, .apiMembers])[0]
                out.error(resource, DataProblem(endpoint: gap.endpoint, status: gap.status,
                                                detail: "cannot tell whether member \(key.member) exists: \(gap.detail)"))
                continue
            }
            var reasons: [Reason] = []
            if person == nil { reasons.append(.memberMissing) }
            if let person, !person.active { reasons.append(.memberInactive) }
            if key.retired, person?.active == true { reasons.append(.toolRetired) }
            if duplicates[index] != nil { reasons.append(.duplicate) }
            guard !reasons.isEmpty else { out.pass(resource); continue }
            var evidence = [EvidenceField("reasons", .list(reasons.map { .string($0.rawValue) })),
                            EvidenceField("member", .string(key.member)), EvidenceField("tool", .string(key.tool)),
                            EvidenceField("created", key.created.map { .string($0.description) } ?? .null),
                            EvidenceField("retired", .bool(key.retired))]
            if let newer = duplicates[index] {
                evidence.append(EvidenceField("newerKey", .object([
                    EvidenceField("key", .string(register.keys[newer].description)),
                    EvidenceField("registerIndex", .int(newer))])))
            }
            out.fail(rule, resource,
                     "Registered key '\(key.description)' of member \(key.member) looks orphaned ("
                        + reasons.map(\.rawValue).joined(separator: ", ") + ").", evidence)
        }
        return out
    }

    /// For every non-retired key that another non-retired key of the same tool on the same member
    /// supersedes: its index → the newest key's index. Newest by `created`; undated keys are the
    /// oldest; ties go to the later register entry.
    static func duplicateIndexes(_ register: KeyRegister) -> [Int: Int] {
        var groups: [String: [Int]] = [:]
        for (index, key) in register.keys.enumerated() where !key.retired {
            groups[key.member.lowercased() + "\u{1F}" + key.tool.lowercased(), default: []].append(index)
        }
        var result: [Int: Int] = [:]
        for indexes in groups.values where indexes.count > 1 {
            let ordered = indexes.sorted { a, b in
                let (da, db) = (register.keys[a].created?.dayNumber ?? Int.min, register.keys[b].created?.dayNumber ?? Int.min)
                return da != db ? da < db : a < b
            }
            let newest = ordered.last!
            for index in ordered.dropLast() { result[index] = newest }
        }
        return result
    }

    /// A non-retired key of an active member (API or not) older than `maxAgeDays` at capture.
    static func stale(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        var out = EvaluationOutput()
        guard let register = ctx.register else {
            out.skip(AuditContext.placeholder(.apiKey, "(no register)"), "no key register was given (--register)")
            return out
        }
        var undated: [String] = []
        for (index, key) in register.keys.enumerated() where !key.retired {
            let resource = ctx.resource(ofKey: index, key)
            guard let person = ctx.people[key.member.lowercased()] else {
                if ctx.memberListsIncomplete {
                    let gap = ctx.wholeGaps([.members, .apiMembers])[0]
                    out.error(resource, DataProblem(endpoint: gap.endpoint, status: gap.status,
                                                    detail: "cannot tell whether member \(key.member) is active: \(gap.detail)"))
                }
                continue
            }
            guard person.active else { continue }
            guard let created = key.created else {
                out.skip(resource, "the register entry has no 'created' date")
                undated.append("\(key.member)/\(key.description)")
                continue
            }
            let age = ctx.captureDate.dayNumber - created.dayNumber
            guard age > rule.parameters.maxAgeDays else { out.pass(resource); continue }
            out.fail(rule, resource,
                     "Key '\(key.description)' of member \(key.member) is \(age) days old "
                        + "(created \(created), limit \(rule.parameters.maxAgeDays) days).",
                     [EvidenceField("created", .string(created.description)),
                      EvidenceField("capturedOn", .string(ctx.captureDate.description)),
                      EvidenceField("ageDays", .int(age)), EvidenceField("maxAgeDays", .int(rule.parameters.maxAgeDays))])
        }
        if !undated.isEmpty {
            out.coverage.append(CoverageEntry(
                area: "key-register", status: .notEvaluated,
                detail: "\(undated.count) registered key(s) have no 'created' date, so their age was not checked: "
                    + undated.joined(separator: ", ") + "."))
        }
        return out
    }
}
