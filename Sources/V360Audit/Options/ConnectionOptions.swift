import ArgumentParser
import Foundation
import Logging
import ManageReader

/// How to reach the PSA: `--site`, the API key, whom to trust, and how patiently to read.
///
/// Each flag falls back to its `CWM_*` environment variable. The private key is never a flag
/// value (it would show in the process list): it comes from `--private-key-file`,
/// `CWM_PRIVATE_KEY_FILE` or `CWM_PRIVATE_KEY`. `HTTPS_PROXY` and `NO_PROXY` are read as curl
/// reads them; `--ca-file` adds an internal CA to the system's roots (there is no switch that
/// turns certificate verification off).
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The PSA host (https implied) or URL, e.g. na.myconnectwise.net (env: CWM_SITE).",
                               valueName: "host|url"))
    var site: String?

    @Option(name: .customLong("company-id"), help: ArgumentHelp("The company ID you log in with (env: CWM_COMPANY_ID).",
                                                                valueName: "id"))
    var companyId: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("The API key's public key (env: CWM_PUBLIC_KEY).",
                                                                valueName: "key"))
    var publicKey: String?

    @Option(name: .customLong("private-key-file"),
            help: ArgumentHelp("A file holding the private key (env: CWM_PRIVATE_KEY_FILE, or the key itself in CWM_PRIVATE_KEY).",
                               valueName: "path"))
    var privateKeyFile: String?

    @Option(name: .customLong("client-id"), help: ArgumentHelp("Your ConnectWise developer client ID (env: CWM_CLIENT_ID).",
                                                               valueName: "guid"))
    var clientId: String?

    @Option(name: .customLong("ca-file"),
            help: ArgumentHelp("PEM certificates to trust in addition to the system's, for a PSA with an internal CA (env: CWM_CA_FILE).",
                               valueName: "path"))
    var caFile: String?

    @Option(help: "Per-role settings lists read at once.")
    var concurrency: Int = 8

    @Option(help: ArgumentHelp("Seconds allowed for the whole read; what is not read by then makes the scan incomplete.",
                               valueName: "seconds"))
    var timeout: Int = 600

    func validate() throws {
        guard concurrency >= 1 && concurrency <= 64 else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// The site and validated credentials, from flags then environment.
    /// - Parameter environment: The process environment (injected for tests).
    /// - Returns: The site, the credentials, and warnings to show (e.g. trimmed whitespace).
    /// - Throws: `V360AuditError.missingConnection` naming each missing flag, `.reader` for an
    ///   invalid site or credential (naming the field, never the value), `.unreadableInput` for the key file.
    func resolve(environment: [String: String]) throws(V360AuditError) -> (SiteAddress, Credentials, [String]) {
        func value(_ flag: String?, _ variable: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let env = environment[variable], !env.isEmpty { return env }
            return nil
        }
        let site = value(self.site, "CWM_SITE")
        let company = value(companyId, "CWM_COMPANY_ID")
        let publicKey = value(self.publicKey, "CWM_PUBLIC_KEY")
        let client = value(clientId, "CWM_CLIENT_ID")
        let privateKey = try readPrivateKey(environment: environment)
        var missing: [String] = []
        if site == nil { missing.append("--site or CWM_SITE") }
        if company == nil { missing.append("--company-id or CWM_COMPANY_ID") }
        if publicKey == nil { missing.append("--public-key or CWM_PUBLIC_KEY") }
        if privateKey == nil { missing.append("--private-key-file, CWM_PRIVATE_KEY_FILE or CWM_PRIVATE_KEY") }
        if client == nil { missing.append("--client-id or CWM_CLIENT_ID") }
        guard let site, let company, let publicKey, let privateKey, let client, missing.isEmpty else {
            throw .missingConnection(missing)
        }
        do {
            let address = try SiteAddress.parse(site)
            let (credentials, warnings) = try Credentials.validated(companyId: company, publicKey: publicKey,
                                                                    privateKey: privateKey, clientId: client)
            return (address, credentials, warnings)
        } catch {
            throw .reader(error)
        }
    }

    /// The private key from `--private-key-file`, `CWM_PRIVATE_KEY_FILE` or `CWM_PRIVATE_KEY`.
    private func readPrivateKey(environment: [String: String]) throws(V360AuditError) -> String? {
        let file = (privateKeyFile?.isEmpty == false ? privateKeyFile : nil)
            ?? environment["CWM_PRIVATE_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let file { return try Self.readPrivateKey(file: file) }
        return environment["CWM_PRIVATE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `--ca-file` / `CWM_CA_FILE` certificates, if either is given: trusted for the PSA and
    /// for notification webhooks alike.
    /// - Throws: `V360AuditError.reader` (exit 64) for a file that is missing or holds no certificate.
    func trustedCertificates(environment: [String: String]) throws(V360AuditError) -> TrustedCertificates? {
        try Self.trustedCertificates(caFile: caFile(environment: environment))
    }

    /// The CA file named by `--ca-file`, else `CWM_CA_FILE`.
    private func caFile(environment: [String: String]) -> String? {
        (caFile?.isEmpty == false ? caFile : nil) ?? environment["CWM_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The certificates of a CA file (a single scan's, or a fleet tenant's `caFile`).
    static func trustedCertificates(caFile: String?) throws(V360AuditError) -> TrustedCertificates? {
        do {
            return try caFile.map { path throws(ReaderError) in try TrustedCertificates.load(file: path) }
        } catch {
            throw .reader(error)
        }
    }

    /// The text of a private key file (a fleet tenant's `privateKeyFile` too).
    /// - Throws: `V360AuditError.unreadableInput` naming the file, never its content.
    static func readPrivateKey(file: String) throws(V360AuditError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            guard let text = String(data: data, encoding: .utf8) else {
                throw V360AuditError.unreadableInput(file: file, detail: "the private key file is not UTF-8 text")
            }
            return text
        } catch let error as V360AuditError {
            throw error
        } catch {
            throw .unreadableInput(file: file, detail: "cannot read the private key file")
        }
    }

    /// A reader configuration for these options: the proxy from `HTTPS_PROXY`/`NO_PROXY` for this
    /// site, and the `--ca-file` / `CWM_CA_FILE` certificates.
    /// - Parameter environment: The process environment (injected for tests).
    /// - Throws: `V360AuditError.reader` (exit 64) for a CA file that is missing or holds no
    ///   certificate, or a proxy variable that is not an `http://` proxy URL.
    func configuration(site: SiteAddress, credentials: Credentials, logger: Logger, environment: [String: String],
                       now: @escaping @Sendable () -> Date = Date.init) throws(V360AuditError) -> ReaderConfiguration {
        try Self.configuration(site: site, credentials: credentials, caFile: caFile(environment: environment),
                               concurrency: concurrency, timeout: timeout, logger: logger, environment: environment, now: now)
    }

    /// A reader configuration from its parts: a single scan's flags, or a fleet tenant's entry
    /// with the command's `--concurrency` and `--timeout`.
    /// - Throws: `V360AuditError.reader` (exit 64) for a CA file that is missing or holds no
    ///   certificate, or a proxy variable that is not an `http://` proxy URL.
    static func configuration(site: SiteAddress, credentials: Credentials, caFile: String?, concurrency: Int, timeout: Int,
                              logger: Logger, environment: [String: String],
                              now: @escaping @Sendable () -> Date) throws(V360AuditError) -> ReaderConfiguration {
        let trusted = try trustedCertificates(caFile: caFile)
        do {
            let proxy = try ProxySettings.from(environment: environment, targetHost: site.host)
            if let trusted { logger.info("Trusting \(trusted.count) certificate(s) from \(trusted.file) besides the system's") }
            if let proxy { logger.info("Connecting to \(site.host) through the proxy \(proxy.hostAndPort) (\(proxy.variable))") }
            return ReaderConfiguration(site: site, credentials: credentials, concurrency: concurrency,
                                       deadline: .seconds(timeout), now: now, logger: logger, proxy: proxy,
                                       trustedCertificates: trusted)
        } catch {
            throw .reader(error)
        }
    }
}
