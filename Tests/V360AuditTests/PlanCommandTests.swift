import Foundation
import Testing
@testable import V360Audit

/// `v360audit plan` prints the plan without writing reports.
@Suite struct PlanCommandTests {
    @Test func planDemoPrintsBothActionsInScreenTerms() async throws {
        let (code, output) = await runCommand(["plan", "--demo", "--quiet"])
        #expect(code == 0, "\(output.err)")
        #expect(output.out.hasPrefix("## Remediation plan"))
        #expect(output.out.contains("### Lower role *API - Backup* (id 8)"))
        #expect(output.out.contains("- System > Security Roles > *API - Backup*: System / Security Roles, edit: All → None"))
        #expect(output.out.contains("### New role for `AdminSync` (now on *Admin*, id 1)"))
        #expect(output.out.contains("| Companies | Configurations | All | None | All | None |"))
        #expect(output.out.contains("set `PowerSync`'s Role ID to the new role"))
    }

    @Test func planJSONIsTheReportsPlanArray() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (code, output) = await runCommand(["plan", "--demo", "--quiet", "--format", "json"])
        #expect(code == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [[String: Any]])
        #expect(plan.map { $0["action"] as? String } == ["new-role", "new-role", "lower-role", "lower-role"])
        #expect(plan[2]["members"] as? [String] == ["Integrations"] && plan[2]["member"] == nil)
        #expect(plan[0]["member"] as? String == "AdminSync" && plan[0]["changes"] == nil)
        _ = await runCommand(["scan", "--demo", "--quiet", "--format", "json", "--output-dir", directory.path])
        let report = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("v360audit.json"))) as? [String: Any])
        #expect((report["plan"] as? [[String: Any]])?.count == 4)
        #expect(try JSONSerialization.data(withJSONObject: report["plan"]!, options: [.sortedKeys])
            == JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys]))
    }
}
