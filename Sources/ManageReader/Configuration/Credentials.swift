import Foundation

/// An API member key for ConnectWise Manage: company id, public/private key pair and client id.
///
/// Only the private key, the client id and the Authorization value built from them are secrets.
/// Every textual rendering of this value (description, debug description, reflection) masks them,
/// so a stray `print` or `Logger` metadata cannot leak them.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The login company typed on the PSA sign-in screen.
    public let companyId: String
    /// The API key's public half (not secret, but shown masked).
    public let publicKey: String
    let privateKey: String
    let clientId: String

    /// Creates credentials without validation (see ``validated(companyId:publicKey:privateKey:clientId:)``).
    public init(companyId: String, publicKey: String, privateKey: String, clientId: String) {
        self.companyId = companyId
        self.publicKey = publicKey
        self.privateKey = privateKey
        self.clientId = clientId
    }

    /// The public key as shown to people: its first four characters then "…".
    public var maskedPublicKey: String { String(publicKey.prefix(4)) + "…" }

    /// `Basic base64(companyId+publicKey:privateKey)`, built each time it is sent and never stored.
    var authorizationValue: String {
        "Basic " + Data("\(companyId)+\(publicKey):\(privateKey)".utf8).base64EncodedString()
    }

    /// The strings that must never appear in a log line, error or file.
    var secrets: [String] {
        [authorizationValue, String(authorizationValue.dropFirst("Basic ".count)), privateKey, clientId]
            .filter { !$0.isEmpty }
    }

    /// Masked rendering: company, masked public key, secrets hidden.
    public var description: String {
        "Credentials(companyId: \(companyId), publicKey: \(maskedPublicKey), privateKey: <redacted>, clientId: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Reflection shows only the masked fields (so `dump` and string interpolation stay safe).
    public var customMirror: Mirror {
        Mirror(self, children: ["companyId": companyId, "publicKey": maskedPublicKey], displayStyle: .struct)
    }
}
