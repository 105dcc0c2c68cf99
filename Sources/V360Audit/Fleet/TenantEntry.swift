/// One PSA of a tenants file, as `scan --tenants` reads it: its connection and its own inputs.
///
/// Paths are already resolved against the tenants file's folder. The private key itself is never
/// here: only where to find it, read when the tenant is about to be read.
struct TenantEntry: Sendable, Hashable {
    /// Where the private key comes from.
    enum PrivateKeySource: Sendable, Hashable {
        /// A file holding the key (`privateKeyFile`).
        case file(String)
        /// The name of an environment variable holding the key (`privateKeyEnv`).
        case environment(String)
    }

    /// The tenant's name: its report folder and snapshot file name (`[a-z0-9][a-z0-9-]*`).
    var name: String
    /// The PSA, in any form `--site` takes.
    var site: String
    /// The company ID.
    var companyId: String
    /// The API key's public half.
    var publicKey: String
    /// Where the private key comes from.
    var privateKey: PrivateKeySource
    /// The ConnectWise developer client ID.
    var clientId: String
    /// PEM certificates to trust besides the system's (`--ca-file`).
    var caFile: String?
    /// The key register (`--register`).
    var register: String?
    /// The waiver file (`--waivers`).
    var waivers: String?
    /// Rule directories added after the command line's `--rules`.
    var rules: [String]
    /// The entry's line in the tenants file, for messages.
    var line: Int?
}
