import Foundation

/// The object keys a value encodes, as a tree: for each object, the keys it wrote and the node
/// below each; for each array, one node shared by all its elements.
///
/// Encoding ``TenantSnapshot/keyTemplate(infoKeys:)`` through ``KeyCollectingEncoder`` gives the
/// keys this format knows at every position, without writing and re-parsing JSON.
final class KeyNode {
    var children: [String: KeyNode] = [:]
    var element: KeyNode?

    func child(_ key: String) -> KeyNode {
        if let node = children[key] { return node }
        let node = KeyNode()
        children[key] = node
        return node
    }

    func elementNode() -> KeyNode {
        if let element { return element }
        let node = KeyNode()
        element = node
        return node
    }
}

/// An `Encoder` that records keys into a ``KeyNode`` tree and discards values.
struct KeyCollectingEncoder: Encoder {
    let node: KeyNode
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    /// The key tree of `value`.
    static func keys(of value: some Encodable) throws -> KeyNode {
        let root = KeyNode()
        try value.encode(to: KeyCollectingEncoder(node: root))
        return root
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(node: node.elementNode()) }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: KeyNode
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { _ = node.child(key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let child = node.child(key.stringValue)
            if !isScalar(value) { try value.encode(to: KeyCollectingEncoder(node: child)) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(node: node.child(key.stringValue)))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(node: node.child(key.stringValue).elementNode())
        }
        mutating func superEncoder() -> any Encoder { KeyCollectingEncoder(node: node.child("super")) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { KeyCollectingEncoder(node: node.child(key.stringValue)) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: KeyNode
        var codingPath: [any CodingKey] = []
        var count = 0

        mutating func encodeNil() throws { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            if !isScalar(value) { try value.encode(to: KeyCollectingEncoder(node: node)) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return KeyedEncodingContainer(Keyed<NestedKey>(node: node))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(node: node.elementNode())
        }
        mutating func superEncoder() -> any Encoder { KeyCollectingEncoder(node: node) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: KeyNode
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            if !isScalar(value) { try value.encode(to: KeyCollectingEncoder(node: node)) }
        }
    }
}

/// Scalars have no keys; stopping at them also keeps a primitive's `encode(to:)` from calling back
/// into a generic `encode` forever.
/// The concrete types come first: casts to existentials (`any BinaryInteger`) are slow, and
/// almost every scalar in a snapshot is a `String`, `Int` or `Bool`.
private func isScalar(_ value: Any) -> Bool {
    value is String || value is Int || value is Bool || value is Date || value is Double
        || value is any BinaryInteger || value is any BinaryFloatingPoint
        || value is Decimal || value is URL || value is Data
}
