import Foundation

/// What a finding or a test case is about: a member, a registered key, an integrator login.
///
/// Member rules: `{kind: member, id, identifier, name}`. Key rules:
/// `{kind: apiKey, identifier: <member identifier as registered>, key: <description>, registerIndex}`.
/// Integrator logins: `{kind: integratorLogin, id, identifier: <username>}`.
public struct ResourceRef: Codable, Sendable, Hashable, Comparable {
    /// The kind of resource.
    public enum Kind: String, Codable, Sendable, Comparable {
        case member, apiKey, integratorLogin

        /// Alphabetical by raw value, for stable sorting.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The kind of resource.
    public var kind: Kind
    /// The PSA record id, when there is one.
    public var id: Int?
    /// Member identifier (for keys: as registered), or integrator user name.
    public var identifier: String
    /// Display name, when known.
    public var name: String?
    /// For `apiKey`: the key's description in the register.
    public var key: String?
    /// For `apiKey`: the entry's position in the register, counting from 0.
    public var registerIndex: Int?

    /// Creates a resource reference.
    public init(kind: Kind, id: Int? = nil, identifier: String, name: String? = nil,
                key: String? = nil, registerIndex: Int? = nil) {
        self.kind = kind
        self.id = id
        self.identifier = identifier
        self.name = name
        self.key = key
        self.registerIndex = registerIndex
    }

    /// A stable identity used for sorting, drift matching and JUnit test names.
    /// Keys are identified by member and description (not register position, which moves when
    /// the register is edited); members and logins by identifier.
    public var stableKey: String {
        switch kind {
        case .member, .integratorLogin: "\(kind.rawValue):\(identifier.lowercased())"
        case .apiKey: "\(kind.rawValue):\(identifier.lowercased())/\(key ?? "")"
        }
    }

    /// Orders by kind, identifier (case-insensitive), key, register index, then id.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        let (l, r) = (lhs.identifier.lowercased(), rhs.identifier.lowercased())
        if l != r { return l < r }
        if lhs.identifier != rhs.identifier { return lhs.identifier < rhs.identifier }
        if (lhs.key ?? "") != (rhs.key ?? "") { return (lhs.key ?? "") < (rhs.key ?? "") }
        if (lhs.registerIndex ?? -1) != (rhs.registerIndex ?? -1) {
            return (lhs.registerIndex ?? -1) < (rhs.registerIndex ?? -1)
        }
        return (lhs.id ?? -1) < (rhs.id ?? -1)
    }
}
