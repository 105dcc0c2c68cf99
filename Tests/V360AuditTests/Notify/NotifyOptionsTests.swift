import Foundation
import Testing
@testable import V360Audit

/// `--notify` parsing and resolution: URLs are refused without being echoed, variables are named.
@Suite struct NotifyOptionsTests {
    static let url = "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual?sig=TopSecretSig123"

    @Test func specsParseKindVariableAndSecret() throws {
        #expect(try NotifySpec.parse("teams:TEAMS_URL", position: 1) == NotifySpec(kind: .teams, variable: "TEAMS_URL"))
        #expect(try NotifySpec.parse("Slack:S", position: 1) == NotifySpec(kind: .slack, variable: "S"))
        #expect(try NotifySpec.parse("webhook:W:W_SECRET", position: 1)
                == NotifySpec(kind: .webhook, variable: "W", secretVariable: "W_SECRET"))
        for bad in ["teams", "teams:", "teams:A:B", "slack:1X", "webhook:A:B:C", "email:X", "teams:A B", ""] {
            #expect(throws: V360AuditError.self) { try NotifySpec.parse(bad, position: 1) }
        }
    }

    /// A URL on the command line is refused with exit 64, and no part of it is repeated.
    @Test(arguments: ["teams:\(url)", url, "slack:hooks.slack.com/services/T000/B000/TopSecretSig123",
                      "webhook:W:https://x.example/TopSecretSig123", "HTTPS_HOOK:TopSecretSig123"])
    func aURLInTheSpecIsRefusedWithoutEchoingIt(spec: String) async {
        let (code, output) = await runCommand(["scan", "--demo", "--notify", spec, "--output-dir", "/nonexistent/never"])
        #expect(code == 64)
        #expect(output.err.contains("--notify"))
        #expect(!(output.out + output.err).contains("TopSecretSig123"), "\(output.err)")
        #expect(!(output.out + output.err).contains("hooks.slack.com"))
    }

    @Test func aMissingVariableIsExit64NamingIt() async throws {
        let directory = try TestPaths.temporaryDirectory()
        let (code, output) = await runCommand(["scan", "--demo", "--notify", "teams:MY_TEAMS_URL", "--output-dir", directory.path],
                                              environment: ["MY_TEAMS_URL": "  "])
        #expect(code == 64)
        #expect(output.err.contains("MY_TEAMS_URL is not set or is empty"))
        // Input errors come before the scan: nothing was read or written.
        #expect(output.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("v360audit.json").path))
    }

    @Test func plainHTTPIsRefusedExceptForLoopback() throws {
        let spec = NotifySpec(kind: .slack, variable: "S")
        for insecure in ["http://hooks.example.com/TopSecretSig123", "ftp://x/TopSecretSig123", "not a url TopSecretSig123"] {
            do {
                _ = try NotificationTarget.resolve(spec, environment: ["S": insecure])
                Issue.record("accepted \(insecure)")
            } catch {
                #expect(error.exitCode == 64)
                #expect(error.description.contains("S ") && !error.description.contains("TopSecretSig123"))
            }
        }
        for loopback in ["http://127.0.0.1:8080/hook", "http://localhost/x", "http://[::1]:9/x", "https://hooks.example.com/x"] {
            #expect(try NotificationTarget.resolve(spec, environment: ["S": loopback]).url.absoluteString == loopback)
        }
    }

    @Test func theSecretIsWhsecBase64AndNeverShown() throws {
        let spec = NotifySpec(kind: .webhook, variable: "W", secretVariable: "WS")
        let target = try NotificationTarget.resolve(spec, environment: ["W": Self.url, "WS": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(target.signingKey == Array(Data(base64Encoded: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!))
        for rendering in [String(describing: target), String(reflecting: target), "\(target)", dumpText(target)] {
            #expect(!rendering.contains("TopSecretSig123") && !rendering.contains("MfKQ9r8"), "\(rendering)")
        }
        #expect(throws: V360AuditError.self) {
            try NotificationTarget.resolve(spec, environment: ["W": Self.url, "WS": "whsec_not base64!"])
        }
        #expect(throws: V360AuditError.self) { try NotificationTarget.resolve(spec, environment: ["W": Self.url]) }
    }

    @Test func notifyWhenIsValidatedByTheParser() async {
        let (code, output) = await runCommand(["scan", "--demo", "--notify-when", "sometimes"])
        #expect(code == 64)
        #expect(output.err.contains("notify-when"))
    }

    private func dumpText(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// A fleet run's channels are resolved as a single scan's, before any tenant is scanned: a bad
/// variable is exit 64 naming it, never its value, and no tenant's reports are written.
@Suite struct NotifyFleetTests {
    @Test func aMissingOrPlainHTTPVariableIsExit64BeforeAnyTenant() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenants = try FleetNotifyScanTests.offlineTenants(in: directory)
        _ = try SnapshotFixtures.write(SnapshotFixtures.snapshot(), in: directory, name: "one.json")
        let out = directory.appendingPathComponent("out")
        let cases: [(environment: [String: String], words: String)] = [
            ([:], "the environment variable T is not set"),
            (["T": "http://example.com/TopSecretSig123"], "T must hold an https URL"),
        ]
        for (environment, words) in cases {
            let (code, output) = await runCommand(["scan", "--tenants", tenants.path, "--snapshot-dir", directory.path,
                                                   "--output-dir", out.path, "--notify", "teams:T"], environment: environment)
            #expect(code == 64)
            #expect(output.err.contains(words), "\(output.err)")
            #expect(!(output.out + output.err).contains("TopSecretSig123"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}
