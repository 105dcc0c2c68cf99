import Foundation
import ManageSimulator
import TestSupport
import Testing
@testable import V360Audit

/// Outputs that cannot be written end the run with exit 2 naming the file and the cause, and
/// leave last night's files exactly as they were: on a real, full (or read-only) file system.
@Suite(.enabled(if: ScratchFolder.canMount, "needs root to mount a small tmpfs"))
struct OutputFailureTests {
    /// Every file below `folder`, path → bytes.
    private static func contents(_ folder: ScratchFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            let path = folder.file(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  name != ".filler" else { continue }
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test func aFullDiskExits2NamingTheFileAndLastNightsFilesStay() async throws {
        let folder = try #require(try ScratchFolder(tmpfsKilobytes: 2048))
        let arguments = ["scan", "--demo", "--quiet", "--output-dir", folder.file("reports"),
                         "--save-snapshot", folder.file("latest.json")]
        let (first, _) = await runCommand(arguments)
        #expect(first == 1)
        let lastNight = try Self.contents(folder)
        #expect(lastNight.keys.sorted() == ["latest.json", "reports/v360audit.html", "reports/v360audit.json",
                                            "reports/v360audit.junit.xml", "reports/v360audit.md"])
        try folder.fill()
        let (code, output) = await runCommand(arguments)
        #expect(code == 2)
        #expect(output.err.contains("no space left on the device"), "\(output.err)")
        #expect(output.err.contains(folder.path), "the file is named: \(output.err)")
        #expect(try Self.contents(folder) == lastNight, "every file as it was, no temporary file left")
    }

    @Test func aFullDiskFailsSnapshotAndDraftWithExit2() async throws {
        let folder = try #require(try ScratchFolder(tmpfsKilobytes: 512))
        try folder.fill()
        let server = try await SimulatorServer.start(tenant: DemoTenant.fixture)
        let environment = LiveCommandTests.simulatorEnvironment(server)
        let snapshot = await runCommand(["snapshot", "--quiet", "--out", folder.file("s.json")], environment: environment)
        let draft = await runCommand(["register", "draft", "--quiet", "--out", folder.file("r.yml")], environment: environment)
        try await server.shutdown()
        for (name, run) in [("s.json", snapshot), ("r.yml", draft)] {
            #expect(run.code == 2, "\(name): \(run.output.err)")
            #expect(run.output.err.contains("cannot write \(folder.file(name)): no space left on the device"),
                    "\(run.output.err)")
        }
        #expect(try folder.entries() == [".filler"])
    }

    @Test func aReadOnlyFileSystemExits2AndKeepsTheReports() async throws {
        let folder = try #require(try ScratchFolder(tmpfsKilobytes: 2048))
        let arguments = ["scan", "--demo", "--quiet", "--output-dir", folder.path]
        #expect(await runCommand(arguments).code == 1)
        let before = try Self.contents(folder)
        try #require(folder.makeReadOnly())
        let (code, output) = await runCommand(arguments)
        #expect(code == 2)
        #expect(output.err.contains("the file system is read-only"), "\(output.err)")
        #expect(try Self.contents(folder) == before)
    }
}
