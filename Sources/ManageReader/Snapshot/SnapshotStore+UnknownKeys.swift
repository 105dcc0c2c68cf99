import Foundation

extension JSONByteScanner {
    /// Walks the value at the cursor against `known`, returning the first object key (with a
    /// non-null value) that `known` does not have, as a path and the key's byte offset.
    /// - Parameter path: the concrete path of the value at the cursor (extended in place, restored on return).
    mutating func firstUnknownKey(known: KeyNode?, path: inout [JSONPath.Component]) -> (JSONPath, Int)? {
        skipSpace()
        switch current {
        case Self.openBrace?:
            position += 1
            if consume(Self.closeBrace) { return nil }
            repeat {
                skipSpace()
                let keyStart = position
                let key = readString()
                _ = consume(Self.colon)
                skipSpace()
                let child = known?.children[key]
                if child == nil, known?.acceptsAnyKey != true, current != UInt8(ascii: "n") {
                    return (JSONPath(path + [.key(key)]), keyStart)
                }
                path.append(.key(key))
                if let found = firstUnknownKey(known: child, path: &path) { return found }
                path.removeLast()
            } while consume(Self.comma)
            _ = consume(Self.closeBrace)
        case Self.openBracket?:
            position += 1
            if consume(Self.closeBracket) { return nil }
            var index = 0
            repeat {
                path.append(.index(index))
                if let found = firstUnknownKey(known: known?.element, path: &path) { return found }
                path.removeLast()
                index += 1
            } while consume(Self.comma)
            _ = consume(Self.closeBracket)
        default:
            skipValue()
        }
        return nil
    }
}
