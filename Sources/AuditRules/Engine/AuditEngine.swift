import Foundation
import ManageReader

/// Evaluates a rule pack against a snapshot: a pure function of its inputs (no clock, no I/O),
/// so the same inputs give the same result byte for byte.
public enum AuditEngine {
    /// Runs every rule of `pack` on `snapshot`, joins the register, applies waivers.
    /// - Parameters:
    ///   - register: the key register; nil makes the key rules "not evaluated".
    ///   - waivers: accepted risks; expired ones do not apply and are listed in coverage.
    /// - Returns: rule results (cases sorted by resource), findings sorted by rule id then resource,
    ///   coverage, the API-member inventory, and `complete` (no PSA data was missing).
    public static func evaluate(pack: RulePack, snapshot: TenantSnapshot, register: KeyRegister?,
                                waivers: WaiverSet?) -> AuditResult {
        let ctx = AuditContext(pack: pack, snapshot: snapshot, register: register)
        let (active, expired) = partition(waivers, on: ctx.captureDate)
        var coverage = baseCoverage(ctx) + expired
        var complete = snapshot.gaps.isEmpty
        var results: [RuleResult] = []
        for rule in pack.rules {
            var output = run(rule, ctx)
            output.cases = output.cases.map { waive($0, rule: rule, waivers: active) }
            output.cases.sort { $0.resource < $1.resource }
            coverage += output.coverage
            if output.incomplete { complete = false }
            results.append(RuleResult(rule: rule.metadata, cases: output.cases))
        }
        coverage += roleCoverage(ctx)
        let findings = results.flatMap { result in
            result.cases.compactMap { if case .failed(let f) = $0.outcome { f } else { nil } }
        }.sorted { ($0.ruleId, $0.resource) < ($1.ruleId, $1.resource) }
        let used = Set(findings.compactMap { $0.waiver?.id })
        for waiver in active where !used.contains(waiver.id) {
            coverage.append(CoverageEntry(
                area: "waiver:\(waiver.id)", status: .caveat,
                detail: "Waiver \(waiver.id) (\(waiver.rule) on \(waiver.resource)) matched no finding; remove it if the risk is gone."))
        }
        return AuditResult(rules: results, findings: findings, coverage: dedupe(coverage),
                           inventory: inventory(ctx, findings: findings), complete: complete,
                           plan: LeastPrivilegePlanner.plan(ctx, findings: findings))
    }

    private static func run(_ rule: RuleDefinition, _ ctx: AuditContext) -> EvaluationOutput {
        switch rule.check {
        case .adminRole: AdminChecks.adminRole(rule, ctx)
        case .adminEquivalentRole: AdminChecks.adminEquivalent(rule, ctx)
        case .sharedMemberOverbroadRole: OverbroadCheck.evaluate(rule, ctx, shared: true)
        case .singleToolOverbroadRole: OverbroadCheck.evaluate(rule, ctx, shared: false)
        case .sharedMember: RegisterChecks.sharedMember(rule, ctx)
        case .unregisteredMember: RegisterChecks.unregistered(rule, ctx)
        case .orphanedKey: KeyChecks.orphaned(rule, ctx)
        case .staleKey: KeyChecks.stale(rule, ctx)
        case .integratorAllAccess: AccessChecks.integrator(rule, ctx)
        case .scannerReadOnly: AccessChecks.scanner(rule, ctx)
        case .sensitiveGrant: SensitiveGrantCheck.evaluate(rule, ctx)
        }
    }

    // MARK: - Waivers

    private static func partition(_ waivers: WaiverSet?, on date: CalendarDate)
        -> (active: [WaiverSet.Waiver], expired: [CoverageEntry]) {
        var active: [WaiverSet.Waiver] = []
        var expired: [CoverageEntry] = []
        for waiver in waivers?.waivers ?? [] {
            if let expires = waiver.expires, expires < date {
                expired.append(CoverageEntry(
                    area: "waiver:\(waiver.id)", status: .caveat,
                    detail: "Waiver \(waiver.id) (\(waiver.rule) on \(waiver.resource)) expired on \(expires) "
                        + "and no longer applies."))
            } else {
                active.append(waiver)
            }
        }
        return (active, expired)
    }

    private static func waive(_ ruleCase: RuleCase, rule: RuleDefinition, waivers: [WaiverSet.Waiver]) -> RuleCase {
        guard case .failed(var finding) = ruleCase.outcome else { return ruleCase }
        let label = WaiverSet.label(of: finding.resource).lowercased()
        guard let waiver = waivers.first(where: { $0.rule == rule.id && $0.resource.lowercased() == label }) else {
            return ruleCase
        }
        finding.status = .waived
        finding.waiver = waiver.note
        return RuleCase(resource: ruleCase.resource, outcome: .failed(finding))
    }

    private static func dedupe(_ entries: [CoverageEntry]) -> [CoverageEntry] {
        var seen = Set<CoverageEntry>()
        return entries.filter { seen.insert($0).inserted }
            .sorted { ($0.area, $0.status.rawValue, $0.detail) < ($1.area, $1.status.rawValue, $1.detail) }
    }
}
