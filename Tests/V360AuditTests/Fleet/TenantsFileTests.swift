import AuditRules
import Foundation
import ManageSimulator
import Testing
@testable import V360Audit

/// The tenants file is strict like every input: each mistake is exit 64 with the file and line,
/// before any PSA is read, and a key written into it is refused without being repeated.
@Suite struct TenantsFileTests {
    static let good = """
        tenants:
          - name: acme
            site: psa.acme.example
            companyId: acme
            publicKey: AcmePublic1
            privateKeyFile: keys/acme.key
            clientId: 0f1e2d3c-1111-2222-3333-444455556666
            caFile: /etc/ssl/acme-root.pem
            register: acme/integrations.yml
            waivers: acme/waivers.yml
            rules: [acme/rules, /opt/shared-rules]
          - name: bravo-2
            site: https://psa.bravo.example
            companyId: bravo
            publicKey: BravoPublic1
            privateKeyEnv: BRAVO_CWM_PRIVATE_KEY
            clientId: 0f1e2d3c-1111-2222-3333-444455556666

        """

    @Test func aGoodFileResolvesPathsAgainstItsFolder() throws {
        let entries = try TenantsFile.parse(Self.good, file: "/srv/fleet/tenants.yml")
        #expect(entries.map(\.name) == ["acme", "bravo-2"])
        #expect(entries[0].privateKey == .file("/srv/fleet/keys/acme.key"))
        #expect(entries[0].register == "/srv/fleet/acme/integrations.yml")
        #expect(entries[0].waivers == "/srv/fleet/acme/waivers.yml")
        #expect(entries[0].caFile == "/etc/ssl/acme-root.pem")
        #expect(entries[0].rules == ["/srv/fleet/acme/rules", "/opt/shared-rules"])
        #expect(entries[0].line == 2)
        #expect(entries[1].privateKey == .environment("BRAVO_CWM_PRIVATE_KEY"))
        #expect(entries[1].register == nil && entries[1].rules.isEmpty)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (String) -> String
        var line: Int
        var words: String
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "unknown key", edit: { $0.replacingOccurrences(of: "    waivers:", with: "    waiver:") },
                line: 10, words: "unknown key 'waiver'"),
        Mistake(name: "duplicate name", edit: { $0.replacingOccurrences(of: "name: bravo-2", with: "name: acme") },
                line: 12, words: "duplicate name 'acme' (first at line 2)"),
        Mistake(name: "missing site", edit: { $0.replacingOccurrences(of: "    site: https://psa.bravo.example\n", with: "") },
                line: 12, words: "missing required key 'site'"),
        Mistake(name: "both key sources",
                edit: { $0.replacingOccurrences(of: "    privateKeyEnv: BRAVO", with: "    privateKeyFile: b.key\n    privateKeyEnv: BRAVO") },
                line: 17, words: "exactly one of 'privateKeyFile' and 'privateKeyEnv'"),
        Mistake(name: "no key source", edit: { $0.replacingOccurrences(of: "    privateKeyEnv: BRAVO_CWM_PRIVATE_KEY\n", with: "") },
                line: 12, words: "missing 'privateKeyFile' or 'privateKeyEnv'"),
        Mistake(name: "name not a folder name", edit: { $0.replacingOccurrences(of: "name: bravo-2", with: "name: Bravo/2") },
                line: 12, words: "must be lower-case letters"),
        Mistake(name: "rules not a list", edit: { $0.replacingOccurrences(of: "rules: [acme/rules, /opt/shared-rules]", with: "rules: {a: 1}") },
                line: 11, words: "'rules' must be a list"),
        Mistake(name: "no tenants", edit: { _ in "tenants: []\n" }, line: 1, words: "at least one tenant"),
    ]

    @Test(arguments: mistakes)
    func eachMistakeNamesTheFileAndLine(_ mistake: Mistake) throws {
        let text = mistake.edit(Self.good)
        #expect(text != Self.good || mistake.name == "no tenants")
        let error = try #require(throws: AuditRulesError.self) { try TenantsFile.parse(text, file: "/srv/tenants.yml") }
        #expect(error.file == "/srv/tenants.yml")
        #expect(error.line == mistake.line, "\(error)")
        #expect(error.description.contains(mistake.words), "\(error)")
    }

    @Test func anInlinePrivateKeyIsRefusedByNameWithoutItsValue() throws {
        let secret = "Zq9SuperSecretPrivateKey77"
        let text = Self.good.replacingOccurrences(of: "    privateKeyEnv: BRAVO_CWM_PRIVATE_KEY",
                                                  with: "    privateKey: \(secret)")
        let error = try #require(throws: AuditRulesError.self) { try TenantsFile.parse(text, file: "t.yml") }
        #expect(error.line == 16)
        #expect(error.description.contains("'privateKey' is not allowed"))
        #expect(!error.description.contains(secret))
        // Nor a key pasted where the variable's name belongs.
        let pasted = Self.good.replacingOccurrences(of: "BRAVO_CWM_PRIVATE_KEY", with: "\(secret)+/=")
        let second = try #require(throws: AuditRulesError.self) { try TenantsFile.parse(pasted, file: "t.yml") }
        #expect(second.description.contains("privateKeyEnv"))
        #expect(!second.description.contains(secret))
    }

    /// Through the command: exit 64 with `file:line`, no request reaches any PSA, no report is
    /// written, and the key in the file is not echoed.
    @Test func scanRefusesABadFileBeforeAnyRead() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let credentials = DemoTenant.fixture.credentials
        let file = directory.appendingPathComponent("tenants.yml")
        try Data("""
            tenants:
              - name: demo
                site: \(server.siteURL)
                companyId: \(credentials.companyId)
                publicKey: \(credentials.publicKey)
                privateKeyEnv: DEMO_KEY
                clientId: \(credentials.clientId)
              - name: other
                site: \(server.siteURL)
                companyId: \(credentials.companyId)
                publicKey: \(credentials.publicKey)
                privateKey: \(credentials.privateKey)
                clientId: \(credentials.clientId)

            """.utf8).write(to: file)
        let out = directory.appendingPathComponent("out")
        let (code, output) = await runCommand(["scan", "--tenants", file.path, "--output-dir", out.path],
                                              environment: ["DEMO_KEY": credentials.privateKey])
        let requests = server.requestLog()
        try await server.shutdown()
        #expect(code == 64)
        #expect(output.err.contains("\(file.path):12"), "\(output.err)")
        #expect(!output.err.contains(credentials.privateKey) && !output.out.contains(credentials.privateKey))
        #expect(requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
