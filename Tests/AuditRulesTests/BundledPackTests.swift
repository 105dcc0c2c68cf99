import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// The embedded pack matches `rules/`, validates on its own, and keeps its promises.
@Suite struct BundledPackTests {
    @Test func embeddedCopyMatchesRulesDirectory() throws {
        let fm = FileManager.default
        var onDisk: [String: String] = [:]
        for (sub, prefix) in [("", ""), ("tools", "tools/")] {
            let dir = sub.isEmpty ? T.rulesDirectory : T.rulesDirectory.appendingPathComponent(sub)
            for name in try fm.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                onDisk[prefix + name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            }
        }
        let embedded = Dictionary(BundledPack.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        #expect(embedded == onDisk, "Sources/AuditRules/Bundled/ is stale: run scripts/embed-rules.sh")
    }

    @Test func rulesDirectoryValidatesWithoutTheBundle() throws {
        let pack = try RulePack.load(directories: [T.rulesDirectory], includeBundled: false)
        #expect(pack.rules.map(\.id) == [
            "api-member-admin-equivalent-role", "api-member-admin-role", "api-member-overbroad-role",
            "api-member-privilege-escalation", "api-member-reads-stored-passwords", "integrator-login-all-access", "orphaned-api-key", "scanner-key-not-read-only",
            "shared-api-member", "shared-member-overbroad-role", "stale-api-key", "unregistered-api-member",
        ])
        let severities = Dictionary(uniqueKeysWithValues: pack.rules.map { ($0.id, $0.metadata.severity) })
        #expect(severities["api-member-admin-role"] == .critical)
        #expect(severities["shared-api-member"] == .low)
        #expect(severities["stale-api-key"] == .medium)
    }

    @Test func requiredToolProfilesExistWithSources() throws {
        let pack = try T.pack()
        for id in ["email-reconnector", "passportal", "cipp", "msp360"] {
            let tool = try #require(pack.tool(id), "missing tool \(id)")
            #expect(tool.source.hasPrefix("https://"))
        }
        // Visionary 360 publishes the ErC role ("ErC API Security Role"), optional rows as features.
        #expect(pack.tool("email-reconnector")?.verified == true)
        #expect(pack.tool("email-reconnector")?.hints.members == ["V360API"])
        #expect(pack.tool("email-reconnector")?.permissions.compactMap(\.feature).sorted() == ["activities", "user-import"])
        #expect(pack.tool("email-reconnector")?.vendor == "Visionary 360")
    }

    @Test func explanationContainsEverything() throws {
        let rule = try #require(try T.pack().rule("api-member-admin-equivalent-role"))
        let text = rule.explanation()
        for part in [rule.metadata.title, "severity: high", "check: admin-equivalent-role", "threshold: 0.9",
                     "System > Security Roles", "References:", "fails:", rule.metadata.references[0]] {
            #expect(text.contains(part), "missing \(part)")
        }
    }
}
