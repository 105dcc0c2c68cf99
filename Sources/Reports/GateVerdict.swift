import AuditRules

/// The gate's decision on a result: which open findings fail it under `--fail-on` / `--fail-on-new`.
package struct GateVerdict: Sendable, Hashable {
    /// The `--fail-on` threshold.
    package var failOn: FailThreshold
    /// True when only findings new since the baseline count (`--fail-on-new`).
    package var failOnNew: Bool
    /// The open findings that fail the gate.
    package var failing: [Finding]

    /// True when no finding fails the gate.
    package var passed: Bool { failing.isEmpty }

    /// Judges a result.
    ///
    /// With `--fail-on-new`, a finding counts unless the baseline already had it (`drift == .unchanged`);
    /// without a baseline every finding is new, so the flag changes nothing.
    /// - Parameters:
    ///   - result: The evaluated (and baseline-applied) result.
    ///   - failOn: The threshold.
    ///   - failOnNew: Whether unchanged findings are ignored.
    package init(result: AuditResult, failOn: FailThreshold, failOnNew: Bool) {
        self.failOn = failOn
        self.failOnNew = failOnNew
        guard let severity = failOn.severity else {
            failing = []
            return
        }
        failing = result.openFindings(atLeast: severity).filter { !failOnNew || $0.drift != .unchanged }
    }
}
