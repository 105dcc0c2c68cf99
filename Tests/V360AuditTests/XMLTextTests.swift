import Testing
@testable import V360Audit

@Suite struct XMLTextTests {
    @Test(arguments: [
        ("plain text, no change", "plain text, no change", "plain text, no change"),
        ("a & b < c > d \"e\"", "a &amp; b &lt; c &gt; d \"e\"", "a &amp; b &lt; c &gt; d &quot;e&quot;"),
        ("tab\tnew\nline\rcr", "tab\tnew\nline&#13;cr", "tab&#9;new&#10;line&#13;cr"),
        ("nul\u{0}bell\u{7}esc\u{1B}", "nulbellesc", "nulbellesc"),
        ("x\u{FFFE}y\u{FFFF}z", "xyz", "xyz"),
        // Characters next to the forbidden ones, sharing their lead bytes, are kept.
        ("\u{FFFD}\u{F8FF}\u{FEFF}😀é", "\u{FFFD}\u{F8FF}\u{FEFF}😀é", "\u{FFFD}\u{F8FF}\u{FEFF}😀é"),
    ])
    func escapesAndDrops(input: String, text: String, attribute: String) {
        #expect(XMLText.text(input) == text)
        #expect(XMLText.attribute(input) == attribute)
    }
}
