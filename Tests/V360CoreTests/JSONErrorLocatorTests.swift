import Foundation
import Testing
import V360Core

/// The one JSON syntax-error locator: offsets to lines and columns, and Foundation's errors to
/// `file:line:column: invalid JSON: what`.
@Suite struct JSONErrorLocatorTests {
    @Test(arguments: [(0, 1, 1), (3, 1, 4), (4, 2, 1), (6, 2, 2), (9, 4, 1), (99, 4, 2)] as [(Int, Int, Int)])
    func offsetsBecomeLinesAndColumns(_ offset: Int, _ line: Int, _ column: Int) {
        // "abc\n" is bytes 0-3; "é" is bytes 4-5 but one column.
        let text = Array("abc\néx\n\nz".utf8)
        let position = JSONErrorLocator.position(ofOffset: offset, in: text)
        #expect(position.line == line && position.column == column, "offset \(offset): \(position)")
        #expect(JSONErrorLocator.position(ofOffset: offset, in: Data(text)) == position)
    }

    @Test(arguments: [
        ("{\"a\": [1, 2.5e3, true, null, \"x\\\"y\"], \"b\": {}}", nil),
        ("{\n\"a\": 1,,\n}", "f.json:2:8: invalid JSON: invalid value"),
        ("[1,\n2\n", "f.json:3:1: invalid JSON: unexpected end of file during JSON parse"),
        ("{\"a\" 1}", "f.json:1:6: invalid JSON: invalid value"),
        ("[1,\n nope]", "f.json:2:3: invalid JSON: invalid value"),
        ("{\"é\": x}", "f.json:1:7: invalid JSON: invalid value"),
    ] as [(String, String?)])
    func foundationErrorsAreLocated(_ text: String, _ expected: String?) {
        #expect(JSONErrorLocator.firstSyntaxError(in: Data(text.utf8), file: "f.json")?.description == expected)
    }

    @Test func aKnownPositionIsTakenAsGiven() {
        let error = NSError(domain: NSCocoaErrorDomain, code: 3840,
                            userInfo: [NSDebugDescriptionErrorKey: "Unexpected character 'x' around line 4, column 9."])
        let located = JSONErrorLocator.syntaxError(from: error, in: Data(), file: "g.json")
        #expect(located == JSONSyntaxError(file: "g.json", line: 4, column: 9, problem: "unexpected character 'x'"))
        #expect(located.problemAtColumn == "at column 9: unexpected character 'x'")
    }
}
