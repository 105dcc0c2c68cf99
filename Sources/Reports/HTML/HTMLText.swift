/// The one escaper for tenant data placed in HTML: element text, quoted attribute values and SVG
/// text all go through it, in the HTML and the mail reports alike.
///
/// It works on UTF-8 bytes and Unicode scalars, never on `Character`s: a quote followed by a
/// combining mark (`"\u{301}`) is one grapheme cluster, and an escaper that compares whole
/// characters with `"` lets it through into an attribute. Every `&`, `<`, `>`, `"` and `'` becomes
/// an entity, so one escaping is safe in all three contexts (text, a double- or single-quoted
/// attribute, SVG `<text>` and `<title>`). Characters HTML forbids in a document (C0 controls other
/// than tab, line feed and carriage return, DEL, C1 controls, noncharacters) become U+FFFD, so the
/// output is always a valid document and shows that something was there.
package enum HTMLText {
    /// `string` escaped.
    package static func escape(_ string: String) -> String {
        var out: [UInt8] = []
        append(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `string` escaped, after its first `maxScalars` Unicode scalars, cut with `…`.
    ///
    /// For labels of a fixed width (graph nodes, table cells); cutting between scalars may split
    /// a grapheme cluster, which only changes how the cut end looks.
    package static func escape(_ string: String, maxScalars: Int) -> String {
        var out: [UInt8] = []
        append(string, maxScalars: maxScalars, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `string` escaped.
    package static func append(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// Appends `string` escaped, cut with `…` after `maxScalars` scalars.
    package static func append(_ string: String, maxScalars: Int, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            // Scalars start at every byte that is not a continuation byte (10xxxxxx).
            var scalars = 0
            var end = 0
            while end < bytes.count {
                if bytes[end] & 0xC0 != 0x80 {
                    if scalars == maxScalars { break }
                    scalars += 1
                }
                end += 1
            }
            append(utf8: UnsafeBufferPointer(rebasing: bytes[..<end]), to: &out)
            if end < bytes.count { out.append(contentsOf: ellipsis) }
        }
    }

    /// Appends the escaped form of valid UTF-8 (a Swift string's bytes): clean runs are copied whole.
    private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        func flush(upTo end: Int, _ out: inout [UInt8]) {
            if runStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if let entity = asciiReplacement[Int(byte)] {
                    flush(upTo: index, &out)
                    out.append(contentsOf: entity)
                    runStart = index + 1
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            if isForbidden(bytes, at: index, length: length) {
                flush(upTo: index, &out)
                out.append(contentsOf: replacement)
                runStart = index + length
            }
            index += length
        }
        flush(upTo: bytes.count, &out)
    }

    /// True for a C1 control (U+0080–U+009F) or a noncharacter (U+FDD0–U+FDEF, and U+xFFFE and
    /// U+xFFFF in every plane), given the scalar's UTF-8 bytes.
    private static func isForbidden(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        switch length {
        case 2:
            // U+0080–U+009F: C2 80 – C2 9F.
            return bytes[index] == 0xC2 && bytes[index + 1] < 0xA0
        case 3:
            let scalar = (UInt32(bytes[index] & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            return (0xFDD0...0xFDEF).contains(scalar) || scalar & 0xFFFE == 0xFFFE
        default:
            let scalar = (UInt32(bytes[index] & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
            return scalar & 0xFFFE == 0xFFFE
        }
    }

    /// What each ASCII byte becomes, when it is not copied: the five entities, and U+FFFD for the
    /// controls HTML forbids (all of C0 except tab, line feed and carriage return; DEL).
    private static let asciiReplacement: [[UInt8]?] = (0..<128).map { byte -> [UInt8]? in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        case 0x09, 0x0A, 0x0D: nil
        case ..<0x20, 0x7F: replacement
        default: nil
        }
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    /// `…` in UTF-8.
    private static let ellipsis: [UInt8] = Array("…".utf8)
}
