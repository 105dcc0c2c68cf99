@testable import Reports
import Testing
@testable import V360Audit

/// `--format`: the default set, the formats chosen, and what an unknown name says.
@Suite struct OutputOptionsTests {
    static func identifiers(_ arguments: [String]) throws -> [String] {
        try OutputOptions.parse(arguments).reporters().map { type(of: $0).identifier }
    }

    @Test func defaultIsJUnitMarkdownJSONAndHTML() throws {
        #expect(try Self.identifiers([]) == ["junit", "markdown", "json", "html"])
        #expect(try Self.identifiers(["--format", "html,junit"]) == ["junit", "html"])
        #expect(try Self.identifiers(["--format", " JSON , Html "]) == ["json", "html"])
    }

    @Test func unknownFormatNamesEveryKnownOne() {
        #expect {
            _ = try OutputOptions.parse(["--format", "pdf"])
        } throws: { error in
            OutputOptions.message(for: error).contains("unknown report 'pdf' (use junit, markdown, json, html)")
        }
    }

    @Test func htmlWritesItsFile() {
        #expect(HTMLReporter.fileName == "v360audit.html")
    }
}
