import Foundation

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
