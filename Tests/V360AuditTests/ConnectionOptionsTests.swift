import Foundation
import Testing
@testable import V360Audit

@Suite struct ConnectionOptionsTests {
    static let environment = [
        "CWM_SITE": "na.myconnectwise.net", "CWM_COMPANY_ID": "acme", "CWM_PUBLIC_KEY": "PubKey1234",
        "CWM_PRIVATE_KEY": "PrivSecret987", "CWM_CLIENT_ID": "0000-client-guid",
    ]

    @Test func environmentSuppliesEverything() throws {
        let options = try ConnectionOptions.parse([])
        let (site, credentials, warnings) = try options.resolve(environment: Self.environment)
        #expect(site.host.hasSuffix("myconnectwise.net"))
        #expect(credentials.companyId == "acme")
        #expect(warnings.isEmpty)
    }

    @Test func flagsWinOverEnvironmentAndKeyFileIsRead() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("key")
        try Data("FromFile123\n".utf8).write(to: keyFile)
        let options = try ConnectionOptions.parse(["--company-id", "other", "--private-key-file", keyFile.path])
        let (_, credentials, warnings) = try options.resolve(environment: Self.environment)
        #expect(credentials.companyId == "other")
        #expect(credentials.description.contains("FromFile123") == false)
        #expect(warnings.isEmpty)  // a key file's single trailing newline is not worth a warning
    }

    @Test func missingSettingsAreNamed() {
        #expect {
            try ConnectionOptions.parse([]).resolve(environment: ["CWM_SITE": "x.example"])
        } throws: { error in
            let text = String(describing: error)
            return (error as? V360AuditError)?.exitCode == 64 && text.contains("--company-id or CWM_COMPANY_ID")
                && text.contains("CWM_PRIVATE_KEY") && !text.contains("--site")
        }
    }

    @Test func whitespaceInsideAKeyIsRefusedNamingTheFieldNotTheValue() async {
        var environment = Self.environment
        environment["CWM_PRIVATE_KEY"] = "Priv Secret987"
        let (code, output) = await runCommand(["scan"], environment: environment)
        #expect(code == 64)
        #expect(output.err.contains("private key"))
        #expect(!output.err.contains("Secret987"))
    }

    @Test func surroundingWhitespaceIsTrimmedWithAWarning() throws {
        var environment = Self.environment
        environment["CWM_PUBLIC_KEY"] = "  PubKey1234 "
        let (_, credentials, warnings) = try ConnectionOptions.parse([]).resolve(environment: environment)
        #expect(credentials.publicKey == "PubKey1234")
        #expect(warnings.count == 1 && warnings[0].contains("public key") && !warnings[0].contains("PubKey1234"))
    }

    @Test func plainHTTPToARemoteHostIsRefusedBeforeConnecting() async {
        var environment = Self.environment
        environment["CWM_SITE"] = "http://psa.example.com"
        let (code, output) = await runCommand(["scan", "--output-dir", "/nonexistent/never-written"], environment: environment)
        #expect(code == 64)
        #expect(output.err.contains("http"))
    }

    @Test func privateKeyIsNotAFlag() throws {
        #expect(throws: (any Error).self) { try ConnectionOptions.parse(["--private-key", "x"]) }
    }
}
