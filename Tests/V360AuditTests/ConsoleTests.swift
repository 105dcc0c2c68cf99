import Foundation
import Testing
@testable import V360Audit

@Suite struct ConsoleTests {
    @Test(arguments: [
        (true, [String: String](), true),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": ""], true),
        (false, [String: String](), false),
    ])
    func colourOnlyOnATerminalWithoutNoColor(terminal: Bool, environment: [String: String], expected: Bool) {
        let console = Console(write: { _, _ in }, environment: environment, stderrIsTerminal: terminal)
        #expect(console.colorEnabled == expected)
        #expect(console.colored("x", code: "31").contains("\u{1B}") == expected)
    }

    @Test func capturedOutputHasNoEscapeSequences() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try SnapshotFixtures.write(SnapshotFixtures.snapshot(gap: true), in: directory)
        let (_, output) = await runCommand(["scan", "--snapshot", path, "--output-dir", directory.path])
        #expect(!(output.out + output.err).contains("\u{1B}"))
    }
}
