import Foundation
import V360Core

/// A path into a JSON document, e.g. `members[3].identifier`, and where it starts in the text.
struct JSONPath: Equatable, CustomStringConvertible {
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    init(_ components: [Component] = []) { self.components = components }

    /// From a `DecodingError` coding path (array positions carry an `intValue`).
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    func appending(_ component: Component) -> JSONPath { JSONPath(components + [component]) }

    /// `members[3].identifier`; the root is `$`.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "$" : text
    }

    /// The 1-based line where the value at this path starts in `data` (the deepest part that exists;
    /// for a path ending in a key, the line of that key).
    func line(in data: Data) -> Int {
        var scanner = JSONByteScanner([UInt8](data))
        return JSONErrorLocator.position(ofOffset: scanner.locate(components[...]), in: scanner.bytes).line
    }
}

extension JSONPath.Component: CustomStringConvertible {
    var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

extension JSONByteScanner {
    /// The offset of the value at `path` (or of the deepest ancestor that exists).
    mutating func locate(_ path: ArraySlice<JSONPath.Component>) -> Int {
        skipSpace()
        let start = position
        guard let first = path.first, let byte = current else { return start }
        switch (first, byte) {
        case (.key(let wanted), Self.openBrace):
            position += 1
            while true {
                skipSpace()
                guard current == Self.quote else { return start }
                let keyStart = position
                let key = readString()
                _ = consume(Self.colon)
                if key == wanted { return path.count == 1 ? keyStart : locate(path.dropFirst()) }
                skipValue()
                guard consume(Self.comma) else { return start }
            }
        case (.index(let wanted), Self.openBracket):
            position += 1
            for _ in 0..<wanted {
                skipValue()
                guard consume(Self.comma) else { return start }
            }
            return locate(path.dropFirst())
        default:
            return start
        }
    }
}
