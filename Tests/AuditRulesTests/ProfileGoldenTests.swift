import Foundation
import ManageReader
import Testing
@testable import AuditRules

/// The bundled profile library is a product feature: every profile loads, and its rows equal a
/// golden copy, so an edit to a vendor's transcription is always deliberate. Record after a
/// deliberate edit with `RECORD_SNAPSHOTS=1 swift test --filter ProfileGoldenTests` (the run that
/// records still fails, so it cannot pass unnoticed).
@Suite struct ProfileGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/profile-rows")

    static let bundledIds: [String] = ((try? RulePack.bundled().tools.values.map(\.id)) ?? []).sorted()

    /// One line per row: module | function | the four levels | feature.
    static func rows(_ profile: ToolProfile) -> String {
        var lines = ["\(profile.id) verified=\(profile.verified) source=\(profile.source)"]
        for permission in profile.permissions {
            let levels = PermissionOperation.allCases.map { "\($0.rawValue)=\(permission.level($0).name)" }
            lines.append("\(permission.module) | \(permission.function) | \(levels.joined(separator: " "))"
                         + (permission.feature.map { " | feature=\($0)" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: bundledIds)
    func profileRowsEqualTheirGoldenCopy(id: String) throws {
        let profile = try #require(try RulePack.bundled().tool(id))
        let file = Self.goldenDirectory.appendingPathComponent("\(profile.id).txt")
        let now = Self.rows(profile)
        let golden = try? String(contentsOf: file, encoding: .utf8)
        if golden != now, ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(now.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS")
            return
        }
        guard let golden else {
            Issue.record("no golden copy for \(id): RECORD_SNAPSHOTS=1 swift test --filter ProfileGoldenTests")
            return
        }
        let (old, new) = (golden.split(separator: "\n"), now.split(separator: "\n"))
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        #expect(golden == now, """
            rules/tools/\(id).yml differs from its golden copy at row \(first):
              golden: \(first < old.count ? String(old[first]) : "(none)")
              now:    \(first < new.count ? String(new[first]) : "(none)")
            """)
    }

    @Test func everyGoldenCopyHasItsProfile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
        #expect(files == Self.bundledIds.sorted(), "a profile was removed or renamed: delete its golden copy deliberately")
    }

    @Test func theLibraryHasThirtyVerifiedProfilesWithSources() throws {
        let profiles = try RulePack.bundled().tools.values
        let verified = profiles.filter(\.verified)
        #expect(verified.count >= 30)
        for profile in verified {
            #expect(profile.source.hasPrefix("https://") || profile.source.hasPrefix("http://"), "\(profile.id)")
            #expect(!profile.permissions.isEmpty, "\(profile.id) is verified with no rows")
        }
        // An unverified profile must say what is missing.
        for profile in profiles where !profile.verified {
            #expect((profile.notes ?? "").count > 20, "\(profile.id): notes must say what is missing")
        }
    }

    @Test func theRulesDirectoryValidatesAsRulesValidateWould() throws {
        let own = try RulePack.load(directories: [T.rulesDirectory], includeBundled: false)
        #expect(own.tools.count == Self.bundledIds.count, "scripts/embed-rules.sh was not run after a change in rules/")
        for (id, profile) in own.tools {
            #expect(try RulePack.bundled().tools[id]?.permissions.map(\.function) == profile.permissions.map(\.function))
        }
    }
}
