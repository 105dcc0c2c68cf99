/// The process exit codes, exactly as docs/design.md defines them.
enum ExitStatus {
    /// Scan complete; no open finding at or above `--fail-on`.
    static let passed: Int32 = 0
    /// Scan complete; the gate failed.
    static let gateFailed: Int32 = 1
    /// Scan incomplete: PSA data could not be read. Never a pass, even when the gate also failed.
    static let incomplete: Int32 = 2
    /// Usage error or an invalid input file (rules, register, waivers, snapshot).
    static let usage: Int32 = 64

    /// The code for a finished scan: incomplete wins over the gate.
    static func forScan(complete: Bool, gatePassed: Bool) -> Int32 {
        guard complete else { return incomplete }
        return gatePassed ? passed : gateFailed
    }

    /// The root command's `discussion`: the exit-code table.
    static let discussion = """
        Exit codes:
          0   scan complete; no open finding at or above --fail-on
          1   scan complete; the gate failed
          2   scan incomplete: PSA data could not be read (authentication,
              permission, network, throttling past retries, bad data, an API
              member's role missing from the role list). Reports are still
              written; never a pass, even if the gate also failed. Missing user
              input (register, tool profiles) is "not evaluated" instead and
              does not change the code.
          64  usage error or an invalid input file (rules, register, waivers,
              snapshot), with file and line

        Credentials: flags or CWM_SITE, CWM_COMPANY_ID, CWM_PUBLIC_KEY,
        CWM_PRIVATE_KEY or CWM_PRIVATE_KEY_FILE, CWM_CLIENT_ID. The private key
        is never accepted as a flag value. Try it without a PSA:
        v360audit scan --demo
        """
}
