import Foundation
import Logging
import ManageReader

/// A tenant's connection, checked as a single scan checks its flags: the site (plain `http://`
/// only for loopback), the four credential fields (whitespace and invisible characters), the
/// private key from its file or variable, the CA file and the proxy.
enum TenantConnection {
    /// The reader configuration for `entry`, with the command's `--concurrency` and `--timeout`.
    /// - Parameters:
    ///   - entry: The tenant.
    ///   - concurrency: `--concurrency`.
    ///   - timeout: `--timeout` in seconds.
    ///   - environment: The process environment (the private key variable, `HTTPS_PROXY`, `NO_PROXY`).
    ///   - logger: The tenant's logger; credential warnings (trimmed whitespace) go there.
    ///   - now: The capture clock.
    /// - Throws: `V360AuditError` (exit 64) naming the field or file, never a secret.
    static func configuration(_ entry: TenantEntry, concurrency: Int, timeout: Int, environment: [String: String],
                              logger: Logger, now: @escaping @Sendable () -> Date) throws(V360AuditError) -> ReaderConfiguration {
        let privateKey: String
        switch entry.privateKey {
        case .file(let path):
            privateKey = try ConnectionOptions.readPrivateKey(file: path)
        case .environment(let variable):
            guard let value = environment[variable], !value.isEmpty else {
                throw .usage("privateKeyEnv: the environment variable \(variable) is not set or empty")
            }
            privateKey = value
        }
        let site: SiteAddress
        let credentials: Credentials
        do {
            site = try SiteAddress.parse(entry.site)
            let (checked, warnings) = try Credentials.validated(companyId: entry.companyId, publicKey: entry.publicKey,
                                                                privateKey: privateKey, clientId: entry.clientId)
            for warning in warnings { logger.warning("\(warning)") }
            credentials = checked
        } catch {
            throw .reader(error)
        }
        return try ConnectionOptions.configuration(site: site, credentials: credentials, caFile: entry.caFile,
                                                   concurrency: concurrency, timeout: timeout, logger: logger,
                                                   environment: environment, now: now)
    }
}
