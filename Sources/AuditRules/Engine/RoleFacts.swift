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

/// A preparation's role work, valid for a snapshot whose roles with settings are exactly the ones
/// it was made from (``PreparedEvaluation/roles(for:)``).
struct PreparedRoles: Sendable {
    /// The function catalog of every role's rows (entries in arrival order, which nothing observes).
    var catalog: FunctionCatalog
    /// Per role id, the catalog entry of each row.
    var entries: [Int: [Int]]
    /// Parsed levels of every role's rows.
    var levels: LevelTable
    /// Per role id, its facts.
    var facts: [Int: RoleFacts]
    /// Excesses per role and need spec.
    var excesses: [RoleNeedKey: [Excess]]
}
