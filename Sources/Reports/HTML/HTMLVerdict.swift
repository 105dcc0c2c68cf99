import AuditRules

/// The verdict as the HTML and mail reports state it: a word, a sentence and a colour.
struct HTMLVerdict {
    /// How the run ended.
    enum State: String {
        case passed, failed, incomplete
    }

    /// How the run ended (an incomplete scan is never a pass, whatever the gate says).
    var state: State
    /// `PASSED`, `FAILED` or `INCOMPLETE`.
    var word: String { state.rawValue.uppercased() }
    /// One or two sentences saying why.
    var sentence: String

    /// The verdict of a context.
    init(_ context: ReportContext) {
        let gate = context.gate
        let threshold = "--fail-on \(gate.failOn.rawValue)" + (gate.failOnNew ? " --fail-on-new" : "")
        if !context.complete {
            state = .incomplete
            sentence = "PSA data could not be read, so this scan is not a pass (exit code 2); see Coverage."
                + (gate.passed ? "" : " The gate also failed: \(gate.failing.count) open finding(s) at or above \(threshold).")
        } else if gate.passed {
            state = .passed
            sentence = "No open finding fails the gate (\(threshold))."
        } else {
            state = .failed
            sentence = "\(gate.failing.count) open finding(s) fail the gate (\(threshold))."
        }
    }

    /// The banner's background and text colours for inline styles (the mail), light scheme.
    var mailColours: (background: String, text: String) {
        switch state {
        case .passed: ("#d1e7dd", "#0a3622")
        case .failed: ("#f8d7da", "#58151c")
        case .incomplete: ("#fff3cd", "#3d2f01")
        }
    }
}
