import Foundation
import Yams
import V360Core

/// The MSP's key register: one entry per API key it created, since the PSA has no endpoint that
/// lists keys.
///
/// ```yaml
/// keys:
///   - member: V360API              # API member identifier (required)
///     description: Email reConnector   # the key's description in the API Keys tab (required)
///     tool: email-reconnector      # tool profile id (required)
///     owner: secops@msp.example    # optional
///     created: 2025-03-01          # optional YYYY-MM-DD; stale-key rules need it
///     retired: false               # optional, default false
///     features: [activities]       # optional: the tool features in use (profile `feature` rows)
/// ```
/// Unknown keys, wrong types and invalid dates are errors naming the file and line.
public struct KeyRegister: Sendable, Hashable {
    /// One registered key.
    public struct Key: Sendable, Hashable {
        /// Member identifier as registered.
        public var member: String
        /// The key's description.
        public var description: String
        /// Tool profile id as written.
        public var tool: String
        /// Who owns the key.
        public var owner: String?
        /// Creation date.
        public var created: CalendarDate?
        /// True once the tool was removed.
        public var retired: Bool
        /// The tool features in use (lowercased); nil when the entry has no `features` key, so
        /// every row of the profile counts.
        public var features: Set<String>?
        /// Line of the entry in the register file.
        public var line: Int?

        /// True when the tool is still `TODO` (as `register draft` writes it when it cannot guess):
        /// the MSP has not said which tool the key is for yet, which is not a missing profile file.
        public var toolIsUnset: Bool { KeyRegister.isUnset(tool) }

        /// Creates a key entry.
        public init(member: String, description: String, tool: String, owner: String? = nil,
                    created: CalendarDate? = nil, retired: Bool = false, features: Set<String>? = nil,
                    line: Int? = nil) {
            self.member = member
            self.description = description
            self.tool = tool
            self.owner = owner
            self.created = created
            self.retired = retired
            self.features = features.map { Set($0.map { $0.lowercased() }) }
            self.line = line
        }
    }

    /// True when a tool id is the draft's placeholder `TODO` (any case, surrounding spaces ignored).
    public static func isUnset(_ tool: String) -> Bool {
        tool.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare("TODO") == .orderedSame
    }

    /// Entries in file order (`registerIndex` counts from 0 in this order).
    public var keys: [Key]
    /// The file name, for messages.
    public var fileName: String

    /// Creates a register.
    public init(keys: [Key], fileName: String = "register") {
        self.keys = keys
        self.fileName = fileName
    }

    /// Loads and strictly decodes a register file.
    public static func load(from url: URL) throws(AuditRulesError) -> KeyRegister {
        try parse(try YAMLDocument.readText(url), fileName: url.path)
    }

    /// Strictly decodes register YAML.
    public static func parse(_ yaml: String, fileName: String) throws(AuditRulesError) -> KeyRegister {
        try YAMLDocument.withRoot(yaml, file: fileName) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: fileName, what: "register", allowed: ["keys"])
            guard map.has("keys") else {
                throw .invalid(file: fileName, line: map.line, message: "register: missing required key 'keys'")
            }
            return KeyRegister(keys: try parseKeys(try map.sequence("keys") ?? [], file: fileName), fileName: fileName)
        }
    }

    static let keyFields = ["member", "description", "tool", "owner", "created", "retired", "features"]

    /// Decodes a list of key entries (also used by rule examples).
    static func parseKeys(_ items: [Node], file: String) throws(AuditRulesError) -> [Key] {
        var keys: [Key] = []
        for (index, item) in items.enumerated() {
            let map = try YAMLMap(item, file: file, what: "register key \(index)", allowed: keyFields)
            keys.append(Key(member: try map.requiredString("member"), description: try map.requiredString("description"),
                            tool: try map.requiredString("tool"), owner: try map.string("owner"),
                            created: try map.date("created"), retired: try map.bool("retired") ?? false,
                            features: try features(map), line: map.line))
        }
        return keys
    }

    /// `features:` as a set; present but empty means "no optional feature in use".
    private static func features(_ map: YAMLMap) throws(AuditRulesError) -> Set<String>? {
        guard map.has("features") else { return nil }
        guard map.node("features") != nil else { return [] }
        return Set(try map.stringList("features") ?? [])
    }
}
