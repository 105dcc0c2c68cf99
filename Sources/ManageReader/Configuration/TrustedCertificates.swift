import Foundation
import NIOSSL

/// CA certificates trusted in addition to the system's roots (`--ca-file`), for an on-premises
/// PSA whose certificate an internal CA issued.
///
/// They are added to the system trust store, never a replacement for it, and there is no way to
/// switch verification off: a PSA whose certificate chains to neither is refused.
public struct TrustedCertificates: Sendable {
    /// The file they were read from, for messages.
    public let file: String
    /// The certificates, in file order.
    let certificates: [NIOSSLCertificate]

    /// How many certificates the file holds.
    public var count: Int { certificates.count }

    /// Reads every PEM certificate in `file`.
    /// - Throws: ``ReaderError/invalidCAFile(file:reason:)`` when the file cannot be read or holds
    ///   no PEM certificate (exit 64).
    public static func load(file: String) throws(ReaderError) -> TrustedCertificates {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let exists = FileManager.default.fileExists(atPath: file)
            throw .invalidCAFile(file: file, reason: exists ? "the file cannot be read" : "no such file")
        }
        // A DER file or a private key would otherwise fail with a library message; say what is expected.
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .invalidCAFile(file: file, reason: "it holds no PEM certificate (-----BEGIN CERTIFICATE----- block)")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(data))
        } catch {
            throw .invalidCAFile(file: file, reason: "a PEM certificate in it cannot be parsed")
        }
        guard !certificates.isEmpty else {
            throw .invalidCAFile(file: file, reason: "it holds no PEM certificate (-----BEGIN CERTIFICATE----- block)")
        }
        return TrustedCertificates(file: file, certificates: certificates)
    }

    /// The client TLS configuration: full verification against the system roots plus these.
    static func tlsConfiguration(adding trusted: TrustedCertificates?) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.trustRoots = .default
        if let trusted { tls.additionalTrustRoots = [.certificates(trusted.certificates)] }
        return tls
    }
}
