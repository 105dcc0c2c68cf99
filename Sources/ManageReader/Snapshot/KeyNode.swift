/// The object keys the snapshot format can write, as a tree: for each object, its keys and the node
/// below each; for each array, one node shared by all its elements.
///
/// Built from the field tables (``SnapshotField``), so a field added to a model's table is known to
/// strict decoding with nothing else to change. Strict decoding walks a file's bytes against it
/// (``JSONByteScanner/firstUnknownKey(known:path:)``).
final class KeyNode {
    /// The keys of the object at this position, each with the node below it.
    private(set) var children: [String: KeyNode] = [:]
    /// The node of every element of the array at this position.
    private(set) var element: KeyNode?
    /// The object here holds data as keys (`info`, the API's `_info`): any key is allowed.
    private(set) var acceptsAnyKey = false

    /// The keys of an object with `fields`, at every depth below it.
    convenience init(fields: [SnapshotField]) {
        self.init()
        add(fields)
    }

    private init() {}

    private func add(_ fields: [SnapshotField]) {
        for field in fields {
            let node = KeyNode()
            switch field.kind {
            case .object(let nested): node.add(nested)
            case .list(let nested): node.element = KeyNode(fields: nested)
            case .stringMap: node.acceptsAnyKey = true
            case .int, .string, .bool, .date, .level: break
            }
            children[field.key] = node
        }
    }
}
