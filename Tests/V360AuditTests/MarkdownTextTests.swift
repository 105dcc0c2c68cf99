import AuditRules
@testable import Reports
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

/// The evidence cell skips rendering what the clip drops: it must give what the full rendering gives.
@Suite struct EvidenceCellTests {
    @Test(arguments: [0, 1, 3, 8, 20, 400])
    func clippedCellEqualsTheFullEscape(rows: Int) {
        for word in ["Function", "Fünktion", "Ticket|Board", "🧾\u{301}"] {
            let items = (0..<rows).map { index in
                EvidenceValue.object([EvidenceField("function", .string("\(word) \(index)")),
                                      EvidenceField("granted", .string("All"))])
            }
            let value = EvidenceValue.object([EvidenceField("excess", .list(items)),
                                              EvidenceField("tools", .list([.string("x")]))])
            #expect(MarkdownText.evidenceCell(value) == MarkdownText.escape(EvidenceText.inline(value)))
        }
    }

    @Test func longCombiningRunsFallBackToTheFullRendering() {
        // 2,000 bytes that are one character: the short start cannot decide the clip.
        let blob = "e" + String(repeating: "\u{301}", count: 1_000)
        let value = EvidenceValue.list([.string(blob), .string(blob), .string("tail")])
        #expect(MarkdownText.evidenceCell(value) == MarkdownText.escape(EvidenceText.inline(value)))
    }
}
