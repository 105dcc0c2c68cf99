import Crypto
import Foundation

/// The Standard Webhooks signature (https://www.standardwebhooks.com): three headers that let a
/// receiver check that a request came from the holder of the shared secret and is recent.
///
/// `webhook-signature` is `v1,` + base64 of HMAC-SHA256 over `"{id}.{timestamp}.{body}"`, keyed
/// with the decoded bytes of the `whsec_…` secret. The id stays the same across the retries of one
/// message (receivers use it to drop duplicates); the timestamp is the time of each attempt, in
/// Unix seconds (receivers refuse stale ones, so it cannot be the snapshot's time).
enum WebhookSignature {
    /// The three headers for one attempt.
    /// - Parameters:
    ///   - id: the message id (`msg_…`), the same for every attempt.
    ///   - timestamp: Unix seconds of this attempt.
    ///   - body: the exact bytes sent.
    ///   - key: the HMAC key (secret; never logged).
    static func headers(id: String, timestamp: Int, body: [UInt8], key: [UInt8]) -> [(name: String, value: String)] {
        [("webhook-id", id), ("webhook-timestamp", String(timestamp)),
         ("webhook-signature", "v1," + signature(id: id, timestamp: timestamp, body: body, key: key))]
    }

    /// Base64 of HMAC-SHA256(key, `id.timestamp.body`).
    static func signature(id: String, timestamp: Int, body: [UInt8], key: [UInt8]) -> String {
        var signed = Array("\(id).\(timestamp).".utf8)
        signed.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
        return Data(code).base64EncodedString()
    }
}
