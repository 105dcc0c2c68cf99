import Foundation

/// A self-signed certificate and key made with `openssl` for one test run, in a temporary
/// directory (never committed: a key in the repository would be a key anyone could use).
struct ThrowawayCertificate {
    /// The directory holding both files.
    let directory: URL
    /// The PEM certificate (also what `--ca-file` is given to trust it).
    let certificateFile: String
    /// The PEM private key.
    let keyFile: String

    /// Generates an RSA key and a one-day certificate for `commonName` with the given subject
    /// alternative names (e.g. `IP:127.0.0.1,DNS:localhost`).
    static func make(commonName: String = "127.0.0.1",
                     alternativeNames: String = "IP:127.0.0.1,DNS:localhost") throws -> ThrowawayCertificate {
        let directory = try TestPaths.temporaryDirectory()
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=\(commonName)",
                             "-addext", "subjectAltName=\(alternativeNames)", "-days", "1",
                             "-keyout", key, "-out", certificate]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: certificate) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl req failed (is openssl installed?)"])
        }
        return ThrowawayCertificate(directory: directory, certificateFile: certificate, keyFile: key)
    }

    /// Removes the files.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
