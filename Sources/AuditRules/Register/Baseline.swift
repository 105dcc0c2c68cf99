import Foundation
import ManageReader

/// What a scan is compared with (`--baseline`): a previous JSON report, which gives finding drift,
/// or a previous snapshot, which gives finding drift and what changed in the PSA (`changes[]`).
public struct Baseline: Sendable {
    /// The two kinds of baseline file, told apart by their `format` field.
    public enum Source: Sendable {
        /// A previous report's findings.
        case report([Finding])
        /// A previous snapshot, evaluated with the current scan's inputs.
        case snapshot(TenantSnapshot)
    }

    /// The file's contents.
    public var source: Source
    /// The file's name, for coverage notes.
    public var fileName: String

    /// Creates a baseline.
    public init(_ source: Source, fileName: String = "baseline") {
        self.source = source
        self.fileName = fileName
    }

    /// A report baseline from findings.
    public init(findings: [Finding]) { self.init(.report(findings)) }

    /// Compares `result` (the evaluation of `current`) with the baseline. For a snapshot baseline
    /// `evaluate` runs the same rules, register and waivers on the baseline snapshot.
    public func apply(to result: AuditResult, current: TenantSnapshot,
                      evaluate: (TenantSnapshot) -> AuditResult) -> AuditResult {
        switch source {
        case .report(let findings):
            var updated = Self.drift(result, against: findings)
            updated.changes = nil
            updated.coverage.append(CoverageEntry(
                area: "baseline", status: .caveat,
                detail: "The baseline \(fileName) is a report: findings are compared with it, but changes in the PSA "
                    + "itself (members, role permissions, integrator logins) need a snapshot baseline: save one with "
                    + "--save-snapshot and pass it as --baseline on the next run."))
            return updated
        case .snapshot(let old):
            var updated = Self.drift(result, against: evaluate(old).findings)
            let changes = ChangeDetector.changes(from: old, to: current)
            updated.changes = changes
            let captured = old.source.capturedAt.formatted(.iso8601)
            if old.isComplete {
                updated.coverage.append(CoverageEntry(
                    area: "baseline", status: .complete,
                    detail: "Compared with the snapshot \(fileName) captured \(captured): \(changes.count) change(s) in the PSA."))
            } else {
                let areas = Set(old.gaps.map(\.area.rawValue)).sorted().joined(separator: ", ")
                updated.coverage.append(CoverageEntry(
                    area: "baseline", status: .caveat,
                    detail: "The baseline snapshot \(fileName) captured \(captured) was incomplete (\(areas)): "
                        + "what it could not read shows as added or changed now."))
            }
            updated.coverage.sort { ($0.area, $0.status.rawValue, $0.detail) < ($1.area, $1.status.rawValue, $1.detail) }
            return updated
        }
    }

    /// Marks each finding `new` or `unchanged` (by `Finding.identity`), lists the baseline's open
    /// findings that no longer occur as `resolved`, and sets `hasBaseline`.
    static func drift(_ result: AuditResult, against findings: [Finding]) -> AuditResult {
        let known = Set(findings.map(\.identity))
        var updated = result
        func mark(_ finding: Finding) -> Finding {
            var f = finding
            f.drift = known.contains(f.identity) ? .unchanged : .new
            return f
        }
        updated.findings = result.findings.map(mark)
        updated.rules = result.rules.map { rule in
            RuleResult(rule: rule.rule, cases: rule.cases.map { c in
                guard case .failed(let f) = c.outcome else { return c }
                return RuleCase(resource: c.resource, outcome: .failed(mark(f)))
            })
        }
        let current = Set(result.findings.map(\.identity))
        var seen = Set<String>()
        updated.resolved = findings
            .filter { $0.status == .open && !current.contains($0.identity) && seen.insert($0.identity).inserted }
            .map { var f = $0; f.drift = nil; return f }
            .sorted { ($0.ruleId, $0.resource) < ($1.ruleId, $1.resource) }
        updated.hasBaseline = true
        return updated
    }
}
