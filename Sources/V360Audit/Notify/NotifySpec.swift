/// One `--notify` value, parsed: the channel kind and the names of the environment variables that
/// hold its URL (and, for a webhook, its signing secret).
///
/// The URL itself is never accepted on the command line: webhook URLs carry their own credential
/// (Teams and Slack URLs embed a signature or token), and a command line shows in the process list,
/// in shell history and in CI logs. So a value that looks like a URL is refused, and no message
/// ever repeats the value (a mistyped spec may still hold most of a URL).
struct NotifySpec: Sendable, Equatable {
    /// The channel kind.
    var kind: NotificationKind
    /// The environment variable holding the URL.
    var variable: String
    /// For `webhook:VAR:SECRET_VAR`: the environment variable holding the `whsec_…` signing secret.
    var secretVariable: String?

    /// Parses `teams:VAR`, `slack:VAR` or `webhook:VAR[:SECRET_VAR]`.
    /// - Parameter position: 1-based position among the `--notify` flags, so a message can say which
    ///   one is wrong without repeating it.
    /// - Throws: `V360AuditError.usage` (exit 64); the message never contains `text`.
    static func parse(_ text: String, position: Int) throws(V360AuditError) -> NotifySpec {
        let which = "--notify (occurrence \(position))"
        let lowered = text.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("http") {
            throw .usage("\(which) holds a URL; give the name of an environment variable that holds the URL instead "
                         + "(the URL is a secret: on the command line it would show in the process list and shell "
                         + "history), e.g. --notify teams:TEAMS_WEBHOOK_URL")
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = NotificationKind(rawValue: parts[0].lowercased()) else {
            throw .usage("\(which): the channel must be teams, slack or webhook, as in teams:VARIABLE, slack:VARIABLE "
                         + "or webhook:VARIABLE[:SECRET_VARIABLE]")
        }
        let maxParts = kind == .webhook ? 3 : 2
        guard parts.count >= 2, parts.count <= maxParts, parts.dropFirst().allSatisfy(isVariableName) else {
            throw .usage("\(which): expected \(kind.rawValue):VARIABLE" + (kind == .webhook ? "[:SECRET_VARIABLE]" : "")
                         + ", where VARIABLE is the name of an environment variable (letters, digits and _)")
        }
        return NotifySpec(kind: kind, variable: parts[1], secretVariable: parts.count == 3 ? parts[2] : nil)
    }

    /// True for a portable environment variable name: `[A-Za-z_][A-Za-z0-9_]*`. A URL or a token
    /// never is one (it holds `.`, `/` or `:`), which is a second guard against a pasted secret.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !name.isEmpty else { return false }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" }
        return isLetter(first) && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }
}
