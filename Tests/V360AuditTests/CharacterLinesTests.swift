@testable import Reports
import Testing
@testable import V360Audit

/// The lazy line iterator gives exactly the pieces of the eager `split` it replaces.
@Suite struct CharacterLinesTests {
    static let samples = ["", "\n", "\n\n", "a", "a\n", "\na", "a\nb\n\nc", "x\r\ny\n\r\n\rz\n", "😀\n👩‍💻\n\u{0301}\nend",
                          "| a | b |\n| --- | --- |\n<details>\n```\ncode\n```\n</details>\n\n", "\r\n\r\n", "\r", "tail\r"]

    @Test(arguments: samples) func linesAreTheEagerSplit(text: String) {
        var lines = CharacterLines(text)
        var lazy: [Substring] = []
        while let line = lines.next() { lazy.append(line) }
        #expect(lazy == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
    }
}
