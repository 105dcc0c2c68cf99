import Foundation

/// A ``ReadObserver`` that encodes the bulk of a snapshot — the member lists and every role with
/// its settings — while the read is still waiting on the PSA, on a queue of its own, so encoding
/// the finished snapshot (`snapshot`, `--save-snapshot`, a live scan's fingerprint) only splices.
///
/// Each piece is kept beside the value it encodes and used only where the finished snapshot holds
/// an equal value (cheap: the values share storage); anything else is encoded then. So the bytes
/// are always exactly ``SnapshotStore/encode(_:)``'s, whatever the observer was told.
public final class SnapshotFragments: ReadObserver {
    /// What was encoded, each beside the value it encodes.
    public struct Pieces: Sendable {
        /// The `members` elements (depth 2) of a non-empty list.
        var members: (value: [Member], bytes: [UInt8])?
        /// The `apiMembers` elements (depth 2) of a non-empty list.
        var apiMembers: (value: [APIMember], bytes: [UInt8])?
        /// Per role id, the role as an element of `securityRoles` that is not the first (it starts
        /// with the comma separating it from the one before).
        var roles: [Int: (role: SecurityRole, bytes: [UInt8])] = [:]
    }

    private let work = SerialWork(label: "v360audit.snapshot-fragments", Pieces())

    /// An observer with nothing encoded yet.
    public init() {}

    /// Encodes the members list on the observer's queue.
    public func didRead(members: [Member]) {
        guard !members.isEmpty else { return }
        work.perform { $0.members = (members, SnapshotWriter.elements(members)) }
    }

    /// Encodes the API members list on the observer's queue.
    public func didRead(apiMembers: [APIMember]) {
        guard !apiMembers.isEmpty else { return }
        work.perform { $0.apiMembers = (apiMembers, SnapshotWriter.elements(apiMembers)) }
    }

    /// Encodes a role on the observer's queue.
    public func didRead(role: SecurityRole) {
        work.perform { $0.roles[role.id] = (role, SnapshotWriter.laterElement(role)) }
    }

    /// Everything encoded once the work handed over so far is done.
    public func pieces() async -> Pieces { await work.current() }
}
