import Testing
@testable import V360Audit

/// The byte-wise ASCII escape must give exactly what the character-wise reference gives.
@Suite struct MarkdownTextTests {
    @Test func asciiPathMatchesTheCharacterPath() {
        let alphabet = Array("ab Z09\\`*_[]|~#!<>&\r\n\t\u{7F}\u{01}\u{1B}.-/\"'".unicodeScalars)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in [0, 1, 2, 5, 50, 199, 200, 201, 202, 260] {
            for _ in 0..<60 {
                var text = ""
                for _ in 0..<length {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    text.unicodeScalars.append(alphabet[Int(state % UInt64(alphabet.count))])
                }
                for clip in [true, false] {
                    let fast = MarkdownText.escapeASCII(text, clip: clip)
                    #expect(fast == MarkdownText.escapeCharacters(text, clip: clip), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func nonASCIIGoesTheCharacterWay() {
        #expect(MarkdownText.escapeASCII("Zürich", clip: true) == nil)
        #expect(MarkdownText.escape("Zü|rich\u{2028}x") == "Zü\\|rich x")
        #expect(MarkdownText.escape("a\r\nb|c") == "a b\\|c")
        #expect(MarkdownText.escape(String(repeating: "x", count: 205)) == String(repeating: "x", count: 200) + "…")
    }
}
