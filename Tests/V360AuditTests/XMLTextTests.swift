@testable import Reports
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

/// The run-copying escape against a byte-by-byte reference of the same rules, on random text
/// that mixes clean runs with every kind of byte that needs work.
@Suite struct XMLTextRunTests {
    static func reference(_ string: String, attribute: Bool) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesEqualTheReference() {
        let pieces = ["plain run ", "&", "<", ">", "\"", "\r", "\n", "\t", "\u{1}", "\u{FFFE}", "\u{FFFF}",
                      "\u{FFFD}", "\u{F000}", "é", "😀", "x"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [0, 1, 2, 7, 40, 300] {
            for _ in 0..<50 {
                var text = ""
                for _ in 0..<length {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    text += pieces[Int(state % UInt64(pieces.count))]
                }
                #expect(XMLText.text(text) == Self.reference(text, attribute: false), "\(text.debugDescription)")
                #expect(XMLText.attribute(text) == Self.reference(text, attribute: true), "\(text.debugDescription)")
                var appended: [UInt8] = Array("prefix".utf8)
                XMLText.append(text, attribute: true, to: &appended)
                #expect(String(decoding: appended, as: UTF8.self) == "prefix" + Self.reference(text, attribute: true))
            }
        }
    }

    @Test(arguments: ["", "one line", " leading", "trailing ", "two  spaces", "tab\there", "new\nline",
                      "no\u{A0}break", "\u{2028}sep", "ascii.only-text_1"])
    func oneLineEqualsSplitAndJoin(input: String) {
        let expected = input.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        #expect(XMLText.oneLine(input) == expected)
    }
}
