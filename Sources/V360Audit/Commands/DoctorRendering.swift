import ManageReader

/// The text `doctor` prints (stdout), one check per line.
enum DoctorRendering {
    /// The lines for a report; names the company and masked public key, never a secret.
    static func lines(_ report: DoctorReport, credentials: Credentials) -> [String] {
        func mark(_ ok: Bool?) -> String { ok == true ? "ok  " : ok == false ? "FAIL" : "?   " }
        // Without a connection nothing else can be checked: one line that says why and what to do.
        if let failure = report.connectionFailure { return ["FAIL \(failure.message)"] }
        var lines = [
            "\(mark(report.reachable)) site \(report.site) reachable"
                + (report.companyName.map { " (company \($0))" } ?? ""),
            "\(mark(report.codebase != nil)) codebase \(report.codebase ?? "unknown")",
            "\(mark(report.authenticated)) credentials for company \(credentials.companyId), public key "
                + "\(credentials.maskedPublicKey)"
                + (report.authenticated == nil ? " (not checked)" : report.authenticated == false ? ": authentication failed" : ""),
        ]
        if let member = report.scannerMember {
            lines.append("ok   scanner member \(member.identifier ?? member.id.map(String.init) ?? "?")")
        }
        if report.reachable && report.authenticated == true {
            if report.writeGrants.isEmpty {
                lines.append("ok   the scanner's role is read-only (no add, edit or delete grants)")
            } else {
                lines.append("WARN the scanner's role can change data; remove these grants:")
                for grant in report.writeGrants {
                    lines.append("       \(grant.module) > \(grant.function): \(grant.operation.rawValue) = \(grant.level)")
                }
            }
        }
        return lines
    }
}
