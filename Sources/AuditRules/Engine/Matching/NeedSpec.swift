import Foundation

/// What a member's keys ask of its role: each tool (lowercased id) with the features its register
/// entries declare, nil when some entry of that tool declares none (then every row counts).
///
/// Two members with equal specs have equal needs, which is what lets the least-privilege plan lower
/// a shared role, and lets evaluation compute each (role, spec) pair once.
struct NeedSpec: Hashable, Sendable {
    /// One tool and its declared features.
    struct Tool: Hashable, Sendable {
        /// Lowercased tool id.
        var id: String
        /// Declared features (lowercased), or nil for "all rows".
        var features: Set<String>?
    }

    /// Tools sorted by id, one entry per tool.
    var tools: [Tool]

    /// Merges register entries: the features of several keys of one tool add up, and one key
    /// without `features` makes every row of that tool count.
    init(keys: [(tool: String, features: Set<String>?)]) {
        var merged: [String: Set<String>?] = [:]
        for key in keys {
            let id = key.tool.lowercased()
            switch (merged[id], key.features) {
            case (.none, let features): merged[id] = .some(features)
            case (.some(.none), _), (.some(.some), .none): merged[id] = .some(nil)
            case (.some(.some(let old)), .some(let new)): merged[id] = .some(old.union(new))
            }
        }
        tools = merged.map { Tool(id: $0.key, features: $0.value) }.sorted { $0.id < $1.id }
    }

    /// The tool ids, sorted.
    var toolIds: [String] { tools.map(\.id) }
}
