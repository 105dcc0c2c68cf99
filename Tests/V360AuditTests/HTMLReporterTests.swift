import AuditRules
import Foundation
@testable import Reports
import Testing

@Suite struct HTMLReporterTests {
    /// Elements the HTML report writes; anything else in a parse means tenant data became markup.
    static let htmlElements: Set = [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section", "div", "p",
        "h1", "h2", "h3", "h4", "h5", "span", "strong", "code", "a", "dl", "dt", "dd", "table", "caption", "thead",
        "tbody", "tr", "th", "td", "details", "summary", "ol", "ul", "li", "figure", "figcaption", "svg", "g", "rect",
        "path", "text",
    ]
    /// Attributes the HTML report writes.
    static let htmlAttributes: Set = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "style", "open", "scope", "role",
        "aria-label", "aria-labelledby", "xmlns", "viewbox", "width", "height", "x", "y", "rx", "d",
    ]

    /// Hostile names are text in the parse: no element or attribute of their own, nothing that runs.
    static func expectInert(_ html: String, elements: Set<String>, attributes: Set<String>,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tree = try #require(HTMLTree(html), sourceLocation: sourceLocation)
        for element in tree.elements {
            #expect(elements.contains(element.name), "unexpected <\(element.name)>", sourceLocation: sourceLocation)
            for attribute in element.attributes {
                #expect(attributes.contains(attribute.name.lowercased()), "unexpected \(attribute.name)= on <\(element.name)>",
                        sourceLocation: sourceLocation)
                #expect(!attribute.value.lowercased().hasPrefix("javascript:"), sourceLocation: sourceLocation)
            }
        }
        let text = tree.text
        for name in HTMLFixtures.hostileNames {
            #expect(text.contains(name), "\(name.debugDescription) is not shown as text", sourceLocation: sourceLocation)
        }
        for markup in ["<script", "<img", "<iframe"] {
            #expect(!html.contains(markup), "raw \(markup) in the output", sourceLocation: sourceLocation)
        }
    }

    @Test func hostileNamesRenderAsText() throws {
        let html = HTMLReporter().render(HTMLFixtures.hostileContext())
        try Self.expectInert(html, elements: Self.htmlElements, attributes: Self.htmlAttributes)
        // The full names are in the graph's node titles too (SVG text context).
        #expect(html.contains("<title>member &quot;\u{301} onmouseover=alert(3) x"))
        // Each attribute value the reporter writes is its own: no tenant text inside a tag.
        let tree = try #require(HTMLTree(html))
        let hrefs = tree.elements.flatMap { $0.attributes.filter { $0.name == "href" }.map(\.value) }
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0 == "https://reports.example.com/psa/" + HTMLFixtures.hostileNames[1] })
    }

    @Test func forbiddenCharactersAreReplaced() {
        let html = HTMLReporter().render(ResultFixtures.context(ResultFixtures.hostileResult()))
        for forbidden in ["\u{0}", "\u{7}", "\u{1B}", "\u{FFFE}", "\u{FFFF}", "<b>", "<script>"] {
            #expect(!html.contains(forbidden), "found \(forbidden.debugDescription)")
        }
        #expect(html.contains("\u{FFFD}"))
        #expect(html.contains("ev|il &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func selfContainedWithAPolicyAndNoScript() throws {
        let html = HTMLReporter().render(HTMLFixtures.hostileContext())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
            + "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        #expect(html.contains("@media (prefers-color-scheme:dark)") && html.contains("@media print"))
        let tree = try #require(HTMLTree(html))
        #expect(!tree.elements.contains { ["script", "link", "img", "iframe", "object", "embed"].contains($0.name) })
        // No attribute loads anything: src is never written, and links stay in the page (or are the report URL).
        #expect(!tree.elements.contains { $0.attributes.contains { $0.name == "src" } })
    }

    @Test func sectionsInTheDesignOrder() throws {
        let html = HTMLReporter().render(HTMLFixtures.hostileContext())
        let markers = ["<header class=\"banner", "id=\"counts\"", "id=\"changes\"", "id=\"plan\"", "id=\"graph\"",
                       "id=\"findings\"", "id=\"waived\"", "id=\"coverage\"", "<footer"]
        let positions = try markers.map { try #require(html.range(of: $0), "\($0) missing").lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("<span class=\"verdict\">FAILED</span>"))
        #expect(html.contains("https://reports.example.com/psa/&quot;&gt;&lt;img"))
    }

    @Test func deterministic() {
        let context = HTMLFixtures.hostileContext()
        #expect(HTMLReporter().render(context) == HTMLReporter().render(context))
        #expect(MailReporter().render(context) == MailReporter().render(context))
    }

    @Test func firstScreenUnfoldedRestFolded() {
        let html = HTMLReporter().render(ResultFixtures.context(ResultFixtures.manyFindings(30, nameLength: 10)))
        #expect(html.components(separatedBy: "<details class=\"finding sev-high\" open>").count - 1 == HTMLFindings.openOnFirstScreen)
        #expect(html.components(separatedBy: "<details class=\"finding sev-high\">").count - 1 == 30 - HTMLFindings.openOnFirstScreen)
    }

    @Test func graphDrawsAtMost400MembersAndMarksAdmin() throws {
        let html = HTMLReporter().render(ResultFixtures.context(ResultFixtures.manyFindings(450, nameLength: 10)))
        #expect(html.components(separatedBy: "<g class=\"node member sev-high\">").count - 1 == HTMLGraph.maxMembers)
        #expect(html.contains("The graph draws the first 400 of 450 API members"))
        let hostile = HTMLReporter().render(HTMLFixtures.hostileContext())
        #expect(hostile.components(separatedBy: "<g class=\"node role admin\">").count - 1 == 1)
        #expect(hostile.contains("<g class=\"node member sev-critical inactive\">"))
    }

    @Test func cappedWithANoteSayingWhatWasCut() throws {
        let context = ResultFixtures.context(ResultFixtures.manyFindings(3_000, nameLength: 400))
        let cap = 400_000
        let html = HTMLReporter(sizeCap: cap).render(context)
        #expect(html.utf8.count <= cap)
        #expect(html.contains("<strong>This report was cut</strong>"))
        #expect(html.contains("of 3000 open findings"))
        #expect(html.hasSuffix("</footer></body></html>\n"))
        #expect(HTMLTree(html) != nil)
        // The default cap is 5 MiB, and an uncut report says nothing about cutting.
        #expect(HTMLReporter().sizeCap == 5 * 1_048_576)
        #expect(!HTMLReporter().render(HTMLFixtures.hostileContext()).contains("This report was cut"))
    }
}
