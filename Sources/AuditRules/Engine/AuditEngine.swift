import Foundation
import ManageReader
import V360Core

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
        evaluate(AuditContext(pack: pack, snapshot: snapshot, register: register), waivers: waivers)
    }

    /// The same result as ``evaluate(pack:snapshot:register:waivers:)`` with the pack and register
    /// `prepared` was made for, taking the work it did during the read where it still holds.
    public static func evaluate(_ prepared: PreparedEvaluation, snapshot: TenantSnapshot, waivers: WaiverSet?) -> AuditResult {
        evaluate(AuditContext(pack: prepared.pack, snapshot: snapshot, register: prepared.register, prepared: prepared),
                 waivers: waivers)
    }

    private static func evaluate(_ ctx: AuditContext, waivers: WaiverSet?) -> AuditResult {
        let pack = ctx.pack, snapshot = ctx.snapshot
        var waiving = WaiverApplication(waivers, on: ctx.captureDate)
        var coverage = baseCoverage(ctx)
        var complete = snapshot.gaps.isEmpty
        var results: [RuleResult] = []
        // Rules are independent reads of one context: run them on all cores, then apply waivers
        // and merge in pack order, so the result is the same as a sequential run. Each rule gets a
        // thread of its own rather than a `concurrentMap` slot: the overbroad rules split their
        // members with `concurrentMap`, and libdispatch runs an apply nested in another apply
        // serially (measured on the benchmark tenant: the single-tool overbroad rule then ran
        // alone on one core for 100 ms while the other idled).
        // The roles' coverage (a pass over every settings row of the members' roles) is one more
        // such job, so it runs beside the rules instead of after them.
        let jobs: [@Sendable () -> EvaluationOutput] = pack.rules.map { rule in { run(rule, ctx) } }
            + [{ EvaluationOutput(coverage: roleCoverage(ctx)) }]
        let outputs = jobs.mapOnThreads { $0() }
        for (rule, computed) in zip(pack.rules, outputs) {
            var output = computed
            output.cases = output.cases.map { waiving.apply($0, ruleId: rule.id) }
            output.cases.sort { $0.resource < $1.resource }
            coverage += output.coverage
            if output.incomplete { complete = false }
            results.append(RuleResult(rule: rule.metadata, cases: output.cases))
        }
        coverage += outputs[pack.rules.count].coverage
        let findings = results.flatMap { result in
            result.cases.compactMap { if case .failed(let f) = $0.outcome { f } else { nil } }
        }.sorted { ($0.ruleId, $0.resource) < ($1.ruleId, $1.resource) }
        coverage += waiving.allCaveats
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

    private static func dedupe(_ entries: [CoverageEntry]) -> [CoverageEntry] {
        var seen = Set<CoverageEntry>()
        return entries.filter { seen.insert($0).inserted }
            .sorted { ($0.area, $0.status.rawValue, $0.detail) < ($1.area, $1.status.rawValue, $1.detail) }
    }
}
