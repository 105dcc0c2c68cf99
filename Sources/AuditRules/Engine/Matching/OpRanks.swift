import Foundation
import ManageReader

/// A level rank for each of the four operations of one function.
struct OpRanks: Hashable, Sendable {
    private var ranks: [PermissionLevel.Rank] = [.none, .none, .none, .none]

    /// All four `None`.
    init() {}

    /// The rank of `op`.
    subscript(op: PermissionOperation) -> PermissionLevel.Rank {
        get { ranks[Self.slot(op)] }
        set { ranks[Self.slot(op)] = newValue }
    }

    /// Raises each op to at least `other`'s rank (the union of two needs).
    mutating func raise(to other: OpRanks) {
        for i in 0..<4 where other.ranks[i] > ranks[i] { ranks[i] = other.ranks[i] }
    }

    /// Raises one op to at least `rank`.
    mutating func raise(_ op: PermissionOperation, to rank: PermissionLevel.Rank) {
        let i = Self.slot(op)
        if rank > ranks[i] { ranks[i] = rank }
    }

    private static func slot(_ op: PermissionOperation) -> Int {
        switch op {
        case .inquire: 0
        case .add: 1
        case .edit: 2
        case .delete: 3
        }
    }
}
