import Foundation
import ManageReader

/// One op of one settings row granted above what a member's tools need: a line of overbroad
/// evidence, and a change of the least-privilege plan.
struct Excess: Comparable, Sendable {
    /// Module as the row names it.
    var module: String
    /// Function as the row names it.
    var function: String
    /// The operation.
    var op: PermissionOperation
    /// The granted level's name (`Mine`, `My`, `All`), or an unknown string as written.
    var granted: String
    /// The needed rank.
    var needed: PermissionLevel.Rank
    /// Lowercased module and function, computed once for sorting.
    var sortKey: String

    static func < (l: Self, r: Self) -> Bool {
        if l.sortKey != r.sortKey { return l.sortKey < r.sortKey }
        if l.op != r.op { return l.op < r.op }
        return (l.module, l.function) < (r.module, r.function)
    }

    /// `{module, function, op, granted, needed}`.
    var evidence: EvidenceValue {
        .object([EvidenceField("module", .string(module)), EvidenceField("function", .string(function)),
                 EvidenceField("op", .string(op.rawValue)), EvidenceField("granted", .string(granted)),
                 EvidenceField("needed", .string(needed.name))])
    }
}
