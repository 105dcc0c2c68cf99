import Foundation
import ManageReader

/// A `--notify` channel resolved from the environment: where to post, and the signing key of a
/// webhook with a secret.
///
/// The URL and the key are secrets: this value's description, debug description and reflection
/// show the kind and the variable names only, so it can never leak into a log line or a message.
struct NotificationTarget: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The channel kind.
    let kind: NotificationKind
    /// The variable the URL came from (for messages).
    let variable: String
    /// The webhook URL (secret).
    let url: URL
    /// The host the URL names (lower-cased, no brackets), for the proxy and `NO_PROXY` decision.
    let host: String
    /// The HMAC key: the decoded bytes of the `whsec_…` secret (secret), for a signed webhook.
    let signingKey: [UInt8]?

    /// Resolves a spec against the environment.
    /// - Throws: `V360AuditError.usage` (exit 64) naming the variable, never its value: unset or
    ///   empty, not an https URL (plain http only to a loopback host), or a secret that is not
    ///   `whsec_` + base64.
    static func resolve(_ spec: NotifySpec, environment: [String: String]) throws(V360AuditError) -> NotificationTarget {
        let flag = "--notify \(spec.kind.rawValue):\(spec.variable)" + (spec.secretVariable.map { ":\($0)" } ?? "")
        guard let text = environment[spec.variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw .usage("\(flag): the environment variable \(spec.variable) is not set or is empty; put the webhook URL in it")
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), var host = parts.host?.lowercased(),
              !host.isEmpty, let url = parts.url else {
            throw .usage("\(flag): \(spec.variable) does not hold a URL such as https://host/path")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard scheme == "https" || (scheme == "http" && SiteAddress.isLoopback(host)) else {
            throw .usage("\(flag): \(spec.variable) must hold an https URL (plain http is allowed for a loopback host only)")
        }
        var key: [UInt8]?
        if let secretVariable = spec.secretVariable {
            guard let secret = environment[secretVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !secret.isEmpty else {
                throw .usage("\(flag): the environment variable \(secretVariable) is not set or is empty; put the signing secret in it")
            }
            // Standard Webhooks writes the secret as `whsec_` + base64; the key is the decoded bytes.
            let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst("whsec_".count)) : secret
            guard let decoded = Data(base64Encoded: encoded), !decoded.isEmpty else {
                throw .usage("\(flag): \(secretVariable) must hold a signing secret written as whsec_ followed by base64")
            }
            key = Array(decoded)
        }
        return NotificationTarget(kind: spec.kind, variable: spec.variable, url: url, host: host, signingKey: key)
    }

    /// `teams webhook (TEAMS_URL)`: never the URL or the key.
    var description: String { "\(kind.rawValue) webhook (\(variable))" }

    /// Same as ``description``.
    var debugDescription: String { description }

    /// Reflection shows the kind and the variable only.
    var customMirror: Mirror {
        Mirror(self, children: ["kind": kind, "variable": variable, "url": "<redacted>",
                                "signed": signingKey != nil], displayStyle: .struct)
    }
}
