/// The lines of a string, lazily: the pieces `split(separator: "\n", omittingEmptySubsequences: false)`
/// gives, without splitting the whole string first.
///
/// A line ends at a `"\n"` character. `"\r\n"` is one character in Swift, so it does not end a
/// line here either, exactly as in the eager split.
struct CharacterLines: IteratorProtocol {
    private let text: String
    private var start: String.Index
    private var done = false

    /// The lines of `text`.
    init(_ text: String) {
        self.text = text
        start = text.startIndex
    }

    /// The next line, without its newline; after the last newline, the (possibly empty) rest.
    mutating func next() -> Substring? {
        guard !done else { return nil }
        let utf8 = text.utf8
        var index = start
        while index < utf8.endIndex {
            // A LF after a CR belongs to the "\r\n" character.
            if utf8[index] == 0x0A, index == utf8.startIndex || utf8[utf8.index(before: index)] != 0x0D {
                let line = text[start..<index]
                start = utf8.index(after: index)
                return line
            }
            index = utf8.index(after: index)
        }
        done = true
        return text[start...]
    }
}
