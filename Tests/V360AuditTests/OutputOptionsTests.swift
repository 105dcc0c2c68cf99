@testable import Reports
import Testing
@testable import V360Audit

/// `--format`: the default set, the mail body on request, and what an unknown name says.
@Suite struct OutputOptionsTests {
    static func identifiers(_ arguments: [String]) throws -> [String] {
        try OutputOptions.parse(arguments).reporters().map { type(of: $0).identifier }
    }

    @Test func defaultIsJUnitMarkdownJSONAndHTML() throws {
        #expect(try Self.identifiers([]) == ["junit", "markdown", "json", "html"])
        #expect(try Self.identifiers(["--format", "mail,html"]) == ["html", "mail"])
        #expect(try Self.identifiers(["--format", " JSON , Mail "]) == ["json", "mail"])
    }

    @Test func unknownFormatNamesEveryKnownOne() {
        #expect {
            _ = try OutputOptions.parse(["--format", "pdf"])
        } throws: { error in
            OutputOptions.message(for: error).contains("unknown report 'pdf' (use junit, markdown, json, html, mail)")
        }
    }

    @Test func htmlAndMailWriteTheirFiles() {
        #expect(HTMLReporter.fileName == "v360audit.html")
        #expect(MailReporter.fileName == "v360audit.mail.html")
    }
}
