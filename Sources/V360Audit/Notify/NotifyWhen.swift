import AuditRules
import Reports

/// `--notify-when`: which runs send their notifications.
enum NotifyWhen: String, Sendable, CaseIterable {
    /// Every run.
    case always
    /// Runs whose gate failed or whose scan was incomplete (exit 1 or 2); for a fleet, runs in
    /// which any tenant's did (or any tenant's inputs were invalid).
    case failed
    /// Failed runs, and runs with anything new since the baseline: a new open finding or any
    /// change in the PSA (`changes[]`). Without a baseline every open finding counts as new, as
    /// for `--fail-on-new`, so a clean run stays quiet and any open finding is told. For a fleet:
    /// any tenant failed, or anything is new in any tenant.
    case changed

    /// True when a run with this context should notify.
    func shouldNotify(_ context: ReportContext) -> Bool {
        decide(failed: !context.complete || !context.gate.passed) {
            let result = context.result
            if !(result.changes ?? []).isEmpty { return true }
            // drift is nil without a baseline: every open finding is then new.
            return result.findings.contains { $0.status == .open && $0.drift != .unchanged }
        }
    }

    /// True when a fleet run with this summary should send its one fleet notification.
    func shouldNotify(_ summary: FleetSummary) -> Bool {
        decide(failed: summary.tenants.contains { !$0.complete || $0.gate?.passed == false }) {
            summary.tenants.contains { tenant in
                // As for one scan: a tenant without a baseline has every open finding new.
                guard let drift = tenant.drift else { return (tenant.summary?.open ?? 0) > 0 }
                return drift.new > 0 || (drift.changes ?? 0) > 0
            }
        }
    }

    /// The rule itself, whatever the run: `anythingNew` is only asked under `changed`.
    private func decide(failed: Bool, anythingNew: () -> Bool) -> Bool {
        switch self {
        case .always: true
        case .failed: failed
        case .changed: failed || anythingNew()
        }
    }
}
