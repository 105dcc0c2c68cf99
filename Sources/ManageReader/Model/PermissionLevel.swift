import Foundation

/// A permission level exactly as read (`None`, `NONE`, `Mine`, `My`, `All`, null, or anything else),
/// with its rank for comparisons.
///
/// Encodes as the raw string or JSON null, so a snapshot keeps what the API said.
public struct PermissionLevel: Codable, Sendable, Equatable, Hashable {
    /// The ordered meaning of a level: `None < Mine < My < All`.
    public enum Rank: Int, Sendable, Comparable, Codable, CaseIterable {
        case none = 0, mine = 1, my = 2, all = 3

        /// Compares by order.
        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The canonical spelling: `None`, `Mine`, `My`, `All`.
        public var name: String {
            switch self {
            case .none: "None"
            case .mine: "Mine"
            case .my: "My"
            case .all: "All"
            }
        }
    }

    /// The string as the API returned it; nil for JSON null or an absent field.
    public var raw: String?

    /// A level from its raw string.
    public init(_ raw: String?) { self.raw = raw }

    /// JSON null: not applicable, ranks as `None`.
    public static let null = PermissionLevel(nil)

    /// True when the raw value is null, absent or blank.
    public var isNull: Bool { classified.null }

    /// True when the raw string is one of the four known levels (or null/blank).
    public var isKnown: Bool { classified.null || classified.rank != nil }

    /// The rank; an unknown string ranks as `.all` so the audit fails safe.
    public var rank: Rank {
        let value = classified
        return value.null ? .none : value.rank ?? .all
    }

    /// Null-or-blank, and the known rank if any. The canonical spellings (nearly every row of a
    /// real tenant) are recognised without trimming or lower-casing; the rest are normalised.
    private var classified: (null: Bool, rank: Rank?) {
        switch raw {
        case nil, "": return (true, nil)
        case "None": return (false, Rank.none)
        case "All": return (false, .all)
        case "Mine": return (false, .mine)
        case "My": return (false, .my)
        default:
            let text = normalized
            return (text.isEmpty, Rank.allCases.first { $0.name.lowercased() == text })
        }
    }

    /// True when the level grants anything (ranks above `None`).
    public var isGrant: Bool { rank > .none }

    private var normalized: String {
        (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Decodes a string or null.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        raw = container.decodeNil() ? nil : try container.decode(String.self)
    }

    /// Encodes the raw string or null.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let raw { try container.encode(raw) } else { try container.encodeNil() }
    }
}
