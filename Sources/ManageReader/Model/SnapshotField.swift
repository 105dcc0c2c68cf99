/// One field of a snapshot model type: a row of that type's field table (`snapshotFields`, in the
/// type's own file, in the order its properties are declared). The tables are the one place a field
/// is declared to the read and the snapshot format (docs/design.md, "Adding a field").
///
/// Derived from the tables: the `fields=` list each endpoint requests (``ListEndpoint``) and the
/// keys strict decoding accepts (``KeyNode/init(fields:)``). The snapshot writer and the fast
/// reader stay hand-written, straight-line code per type, because they are the hot path of a large
/// tenant (a table-driven writer would dispatch per field of 50,000 rows); `SnapshotFieldTableTests`
/// holds them, the `Codable` keys, the API mapping, the key template and the generators to the
/// tables and names the place a new field was forgotten.
struct SnapshotField: Sendable {
    /// What the value is in the file (and so how the writer writes it).
    enum Kind: Sendable {
        /// A JSON integer.
        case int
        /// A JSON string (raw as read, enum values such as a gap's `area` included).
        case string
        /// `true` or `false`.
        case bool
        /// An ISO-8601 date in whole seconds.
        case date
        /// A ``PermissionLevel``: its raw string or `null`.
        case level
        /// An object whose keys are data, not format (`_info`): every key allowed, each value a string.
        case stringMap
        /// An object of another model type, with that type's table.
        case object([SnapshotField])
        /// A list of objects of another model type, with that type's table.
        case list([SnapshotField])
    }

    /// How the read asks the API for the field (for the types read from a list endpoint).
    enum Request: Sendable, Equatable {
        /// In `fields=` under the same key; an object's fields as `key/field`.
        case sameKey
        /// In `fields=` under another name (the member's `info` is the API's `_info`).
        case named(String)
        /// Not in `fields=`: read from an endpoint of its own (a role's settings) or made by the reader.
        case notRequested
    }

    /// The key in the snapshot file (the `Codable` key: the property's name).
    let key: String
    /// What the value is.
    let kind: Kind
    /// The key is always written and must be there when read (a non-optional property); an optional
    /// field is written only when it has a value.
    let required: Bool
    /// How the read asks the API for it.
    let request: Request

    /// A table row; most fields are optional and requested under their own key.
    init(_ key: String, _ kind: Kind, required: Bool = false, request: Request = .sameKey) {
        self.key = key
        self.kind = kind
        self.required = required
        self.request = request
    }

    /// The field's name in the API's records, or nil when it is not requested with `fields=`.
    var apiName: String? {
        switch request {
        case .sameKey: key
        case .named(let other): other
        case .notRequested: nil
        }
    }

    /// The field's entries in `fields=`: none, its API name, or an object's fields below that name.
    var apiFields: [String] {
        guard let apiName else { return [] }
        if case .object(let fields) = kind { return fields.apiFields.map { "\(apiName)/\($0)" } }
        return [apiName]
    }
}

extension [SnapshotField] {
    /// The table's `fields=` list, in table order.
    var apiFields: [String] { flatMap(\.apiFields) }
}
