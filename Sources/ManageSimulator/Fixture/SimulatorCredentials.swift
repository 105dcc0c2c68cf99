/// The fake credentials a fixture accepts: `Authorization: Basic base64("companyId+publicKey:privateKey")`
/// plus a `clientId` header.
///
/// These are test values, not secrets, but the server still never logs or echoes them so that
/// tests asserting "no secret in any log" stay meaningful.
public struct SimulatorCredentials: Sendable, Equatable {
    /// The login company id (compared case-insensitively, as ConnectWise does).
    public var companyId: String
    /// The API member's public key.
    public var publicKey: String
    /// The API member's private key.
    public var privateKey: String
    /// The integration's client id (a GUID; compared case-insensitively).
    public var clientId: String

    /// Creates credentials.
    public init(companyId: String, publicKey: String, privateKey: String, clientId: String) {
        self.companyId = companyId
        self.publicKey = publicKey
        self.privateKey = privateKey
        self.clientId = clientId
    }
}
