import Foundation
import ManageReader

/// Memoised level parsing: a tenant has a handful of distinct level strings but hundreds of
/// thousands of level cells, and `PermissionLevel.rank` trims and lowercases on every call.
struct LevelTable {
    struct Info {
        var rank: PermissionLevel.Rank
        var isKnown: Bool
        var isNull: Bool
    }

    private var table: [String: Info] = [:]
    private var nullInfo = Info(rank: .none, isKnown: true, isNull: true)

    /// Indexes every level string in `rows`.
    mutating func add(_ rows: [RoleSetting]) {
        for row in rows {
            for level in [row.inquireLevel, row.addLevel, row.editLevel, row.deleteLevel] {
                guard let raw = level.raw, table[raw] == nil else { continue }
                table[raw] = Info(rank: level.rank, isKnown: level.isKnown, isNull: level.isNull)
            }
        }
    }

    /// The parsed meaning of a level (computed directly when not indexed).
    func info(_ level: PermissionLevel) -> Info {
        guard let raw = level.raw else { return nullInfo }
        return table[raw] ?? Info(rank: level.rank, isKnown: level.isKnown, isNull: level.isNull)
    }
}
