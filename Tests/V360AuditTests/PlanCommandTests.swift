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

    @Test func thePlanSaysWhichEscalationItCannotRemove() async throws {
        let (code, output) = await runCommand(["plan", "--demo", "--quiet", "--format", "json"])
        #expect(code == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as? [[String: Any]])
        func residual(_ index: Int) -> [String] {
            ((plan[index]["residual"] as? [[String: Any]]) ?? []).map { item in
                ["ruleId", "module", "function", "op"].map { item[$0] as? String ?? "?" }.joined(separator: " ")
                    + " <- " + ((item["requestedBy"] as? [String]) ?? []).joined(separator: ",")
            }
        }
        // The role created for AdminSync (Passportal) keeps Member Maintenance and Security at All.
        #expect(plan[0]["member"] as? String == "AdminSync")
        #expect(residual(0) == [
            "api-member-privilege-escalation System Member Maintenance add <- passportal",
            "api-member-privilege-escalation System Member Maintenance edit <- passportal",
            "api-member-privilege-escalation System Security add <- passportal",
            "api-member-privilege-escalation System Security edit <- passportal",
        ])
        // CIPP's role asks for nothing sensitive; lowering API - Backup removes all of it.
        #expect(plan[1]["member"] as? String == "PowerSync")
        #expect(residual(1).isEmpty && plan[1]["residual"] != nil, "an empty list, not a missing key")
        #expect(plan[3]["roleName"] as? String == "API - Backup" && residual(3).isEmpty)
        // Lowering API - Integrations in place keeps what Passportal (one of its tools) asks for.
        #expect(residual(2).allSatisfy { $0.hasSuffix("<- passportal") } && residual(2).count == 2)
        let (_, markdown) = await runCommand(["plan", "--demo", "--quiet"])
        #expect(markdown.out.contains("**This change does not remove every sensitive grant.**"))
        #expect(markdown.out.contains("- System / Security, edit (`api-member-privilege-escalation`): "
            + "asked for by the profile of `passportal`"))
        // The HTML report's plan says it too, with the grants in a table.
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = await runCommand(["scan", "--demo", "--quiet", "--format", "html", "--output-dir", directory.path])
        let html = try String(contentsOf: directory.appendingPathComponent("v360audit.html"), encoding: .utf8)
        #expect(html.contains("<strong>This change does not remove every sensitive grant.</strong>"))
        #expect(html.contains("<tr><td>System</td><td>Security</td><td>edit</td><td>api-member-privilege-escalation</td>"
            + "<td>passportal</td></tr>"))
    }

    @Test func aPlanThatCannotBeWrittenToStdoutExits2() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: TestPaths.executable.path),
                     "build the executable beside the tests: swift build --build-tests")
        // The real process: stdout redirected to a device that is always full.
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = ["plan", "--demo", "--quiet"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write standard output: no space left on the device"), "\(message)")
    }
}
