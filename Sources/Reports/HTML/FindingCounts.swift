import AuditRules

/// Findings counted once for the banner, the bars and the mail.
struct FindingCounts {
    /// Open findings per severity.
    var open: [Severity: Int] = [:]
    /// Waived findings per severity.
    var waived: [Severity: Int] = [:]
    /// Open findings new since the baseline.
    var new = 0

    /// Counts `result`'s findings in one pass.
    init(_ result: AuditResult) {
        for finding in result.findings {
            if finding.status == .open {
                open[finding.severity, default: 0] += 1
                if finding.drift == .new { new += 1 }
            } else {
                waived[finding.severity, default: 0] += 1
            }
        }
    }

    /// All open findings.
    var openTotal: Int { open.values.reduce(0, +) }
    /// All waived findings.
    var waivedTotal: Int { waived.values.reduce(0, +) }
}
