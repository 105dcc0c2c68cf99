/// UTF-8 bytes of an HTML document or a piece of one, written as it is built.
///
/// Markup the reporters write themselves goes in with ``raw(_:)``; anything from the tenant, the
/// rule pack or the command line goes through ``text(_:)`` (``HTMLText``), so no string can open
/// an element or leave an attribute. Bytes rather than `String`: a large tenant's report holds tens
/// of thousands of cells, and byte appends cost a fraction of string appends.
struct HTMLBuffer {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    /// An empty buffer.
    init() {}

    /// The size so far, in bytes.
    var count: Int { bytes.count }

    /// Appends markup as written (never tenant data).
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends text escaped for element text, a quoted attribute or SVG text.
    mutating func text(_ string: String) {
        HTMLText.append(string, to: &bytes)
    }

    /// Appends text escaped and cut with `…` after `maxScalars` Unicode scalars.
    mutating func text(_ string: String, maxScalars: Int) {
        HTMLText.append(string, maxScalars: maxScalars, to: &bytes)
    }

    /// Appends bytes rendered by another buffer earlier (evidence rendered during the read).
    mutating func append(rendered: [UInt8]) {
        bytes.append(contentsOf: rendered)
    }

    /// Appends another buffer's bytes.
    mutating func append(_ other: HTMLBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// `<tag attributes>escaped text</tag>`; `attributes` is markup (a leading space included).
    mutating func element(_ tag: String, _ attributes: String = "", text string: String) {
        raw("<\(tag)\(attributes)>")
        text(string)
        raw("</\(tag)>")
    }
}

extension HTMLBuffer {
    /// Appends `items` one at a time, each rendered by `render`, while they fit in `budget` bytes
    /// (counted from the start of this call); the first that does not fit and all after it are left out.
    ///
    /// Rendering stops there, so a huge tenant costs no more than the budget it fills.
    /// - Returns: How many items were appended.
    mutating func appendItems<Item>(_ items: some Sequence<Item>, budget: Int,
                                    _ render: (Item, inout HTMLBuffer) -> Void) -> Int {
        let start = count
        var shown = 0
        var piece = HTMLBuffer()
        for item in items {
            piece.bytes.removeAll(keepingCapacity: true)
            render(item, &piece)
            guard count - start + piece.count <= budget else { break }
            bytes.append(contentsOf: piece.bytes)
            shown += 1
        }
        return shown
    }
}
