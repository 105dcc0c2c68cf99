import Foundation

/// Removes secrets from any text before it reaches a log line, an error or a file.
///
/// Errors from lower layers (transport errors, server error bodies) are not ours to trust, so
/// every detail string passes through here.
struct Redactor: Sendable {
    let secrets: [String]

    init(credentials: Credentials, proxy: ProxySettings? = nil) {
        // Longest first, so the Authorization value is replaced before its parts.
        secrets = (credentials.secrets + (proxy?.secrets ?? [])).sorted { $0.count > $1.count }
    }

    func callAsFunction(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
