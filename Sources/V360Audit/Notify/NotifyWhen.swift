import AuditRules
import Reports

/// `--notify-when`: which runs send their notifications.
enum NotifyWhen: String, Sendable, CaseIterable {
    /// Every run.
    case always
    /// Runs whose gate failed or whose scan was incomplete (exit 1 or 2).
    case failed
    /// Failed runs, and runs with anything new since the baseline: a new open finding or any
    /// change in the PSA (`changes[]`). Without a baseline every open finding counts as new, as
    /// for `--fail-on-new`, so a clean run stays quiet and any open finding is told.
    case changed

    /// True when a run with this context should notify.
    func shouldNotify(_ context: ReportContext) -> Bool {
        let failed = !context.complete || !context.gate.passed
        switch self {
        case .always: return true
        case .failed: return failed
        case .changed:
            if failed { return true }
            let result = context.result
            if !(result.changes ?? []).isEmpty { return true }
            // drift is nil without a baseline: every open finding is then new.
            return result.findings.contains { $0.status == .open && $0.drift != .unchanged }
        }
    }
}
