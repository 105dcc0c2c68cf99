@testable import Reports
import Testing

/// The one HTML escaper: entities for the five special characters, U+FFFD for what HTML forbids,
/// scalar by scalar (never by Character).
@Suite struct HTMLTextTests {
    @Test func specialCharactersBecomeEntities() {
        #expect(HTMLText.escape(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLText.escape("plain text, 😀👩‍💻 ünïcödé") == "plain text, 😀👩‍💻 ünïcödé")
        #expect(HTMLText.escape("") == "")
    }

    /// A quote followed by a combining mark is one Character ("\"\u{301}" != "\""): an escaper
    /// comparing Characters would copy the quote into the attribute and end it.
    @Test func quoteWithCombiningMarkIsStillEscaped() {
        let hostile = "\"\u{301} onmouseover=alert(3) x"
        #expect(hostile.first != "\"")
        let escaped = HTMLText.escape(hostile)
        #expect(escaped == "&quot;\u{301} onmouseover=alert(3) x")
        #expect(!escaped.unicodeScalars.contains("\""))
        #expect(HTMLText.escape("'\u{308}<\u{301}>\u{20D2}&\u{301}") == "&#39;\u{308}&lt;\u{301}&gt;\u{20D2}&amp;\u{301}")
    }

    @Test func forbiddenCharactersBecomeReplacementCharacters() {
        // By value: Swift accepts no literal of a noncharacter.
        let forbidden = [0x0, 0x1, 0x7, 0x8, 0xB, 0xC, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF,
                         0x1FFFE, 0x2FFFF, 0x10FFFF].map { Unicode.Scalar(UInt32($0))! }
        for scalar in forbidden {
            #expect(HTMLText.escape("a\(Character(scalar))b") == "a\u{FFFD}b", "U+\(String(scalar.value, radix: 16))")
        }
        // Tab, line feed and carriage return stay; so do the neighbours of the forbidden ranges.
        let allowed = String(String.UnicodeScalarView([0x9, 0xA, 0xD, 0x20, 0xA0, 0xFDCF, 0xFDF0, 0xFFFD, 0x10000, 0x1FFFD,
                                                       0xE000, 0x10FFFD].map { Unicode.Scalar(UInt32($0))! }))
        #expect(HTMLText.escape(allowed) == allowed)
    }

    @Test func cutsAfterScalarsWithAnEllipsis() {
        #expect(HTMLText.escape("abcdef", maxScalars: 3) == "abc…")
        #expect(HTMLText.escape("abc", maxScalars: 3) == "abc")
        #expect(HTMLText.escape("<<<<", maxScalars: 2) == "&lt;&lt;…")
        // Scalars, not bytes: four 4-byte emoji cut after two.
        #expect(HTMLText.escape("😀😀😀😀", maxScalars: 2) == "😀😀…")
        #expect(HTMLText.escape("e\u{301}e\u{301}", maxScalars: 3) == "e\u{301}e…")
    }

    /// The byte-level escaper against a scalar-by-scalar reference on random strings.
    @Test func matchesAScalarReference() {
        var generator = SystemRandomNumberGenerator()
        let pool = [0x61, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x0, 0x7F, 0x85, 0xA0, 0x301, 0xFDD5, 0xFFFE, 0xFFFD, 0x1F600,
                    0x10FFFF, 0x9, 0xA, 0xE9].map { Unicode.Scalar(UInt32($0))! }
        for _ in 0..<500 {
            var string = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { string.append(pool.randomElement(using: &generator)!) }
            let text = String(string)
            #expect(HTMLText.escape(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let control = (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                let nonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
                out.unicodeScalars.append(control || nonCharacter ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
