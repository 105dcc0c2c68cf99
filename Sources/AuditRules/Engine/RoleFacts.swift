import Foundation
import ManageReader

/// What the checks need to know of one role's settings rows beyond the rows themselves, worked out
/// once per role (during the read, for a live scan) instead of once per member holding it.
struct RoleFacts: Sendable {
    /// Rows granting `All` on every op they set (``AdminChecks/isAllRow(_:_:)``).
    var allRows: Int
    /// Level strings no rank is known for, sorted (reported as caveats, counted as `All`).
    var unknownLevels: [String]

    /// The facts of `rows`, reading levels through `levels`.
    init(_ rows: [RoleSetting], levels: LevelTable) {
        allRows = rows.filter { AdminChecks.isAllRow($0, levels) }.count
        unknownLevels = AuditEngine.unknownLevels(rows, levels)
    }
}
