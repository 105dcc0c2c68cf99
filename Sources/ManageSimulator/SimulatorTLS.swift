import NIOSSL

/// A certificate and key for serving the simulator over HTTPS, so tests can exercise certificate
/// trust (an untrusted self-signed certificate, then the same one passed as `--ca-file`) against a
/// real TLS listener on 127.0.0.1.
///
/// The simulator itself needs no certificate to run; tests make a throw-away one at run time.
public struct SimulatorTLS: Sendable {
    let context: NIOSSLContext

    /// Loads a PEM certificate chain and its PEM private key.
    /// - Throws: the TLS library's error when a file is not a PEM certificate or key (test set-up only).
    public init(certificateFile: String, privateKeyFile: String) throws {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        context = try NIOSSLContext(configuration: configuration)
    }

    /// A server-side TLS handler for one accepted connection.
    func handler() -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: context)
    }
}
