import Foundation
import Testing
@testable import V360Audit

/// The nightly job's loop through the command layer: yesterday's JSON report is today's baseline.
@Suite struct BaselineScanTests {
    @Test func driftAndFailOnNew() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let withAdmin = try SnapshotFixtures.write(SnapshotFixtures.snapshot(adminAPIMember: true), in: directory, name: "a.json")
        let clean = try SnapshotFixtures.write(SnapshotFixtures.snapshot(), in: directory, name: "b.json")
        let day1 = directory.appendingPathComponent("day1").path
        let (first, _) = await runCommand(["scan", "--snapshot", withAdmin, "--output-dir", day1])
        #expect(first == 1)
        let baseline = day1 + "/v360audit.json"

        // Same findings again: all unchanged, so --fail-on-new passes while the plain gate still fails.
        let day2 = directory.appendingPathComponent("day2").path
        let (second, output) = await runCommand(["scan", "--snapshot", withAdmin, "--output-dir", day2,
                                                 "--baseline", baseline, "--fail-on-new"])
        #expect(second == 0, "\(output.err)")
        #expect(output.out.contains("Since the baseline: 0 new, 0 resolved."))
        let (plain, _) = await runCommand(["scan", "--snapshot", withAdmin, "--output-dir", day2, "--baseline", baseline])
        #expect(plain == 1)
        let json = try String(contentsOfFile: day2 + "/v360audit.json", encoding: .utf8)
        #expect(json.contains("\"drift\" : \"unchanged\""))

        // The Admin member is fixed: its finding is listed as resolved.
        let day3 = directory.appendingPathComponent("day3").path
        let (third, thirdOutput) = await runCommand(["scan", "--snapshot", clean, "--output-dir", day3, "--baseline", baseline])
        #expect(third == 0)
        #expect(thirdOutput.out.contains("0 new, 1 resolved"))
        let markdown = try String(contentsOfFile: day3 + "/v360audit.md", encoding: .utf8)
        #expect(markdown.contains("## Drift since the baseline\n\n0 new, 1 resolved."))
        #expect(markdown.contains("| `api-member-admin-role` | critical | open | member BadBot (id 5) |"))
    }
}
