import Foundation
import V360Core

/// A ``ReadObserver`` that encodes the bulk of a snapshot — the member lists and every role with
/// its settings — while the read is still waiting on the PSA, on a queue of its own, so encoding
/// the finished snapshot (`snapshot`, `--save-snapshot`, a live scan's fingerprint) only splices.
///
/// Each piece is kept beside the value it encodes and used only where the finished snapshot holds
/// an equal value (cheap: the values share storage); anything else is encoded then. So the bytes
/// are always exactly ``SnapshotStore/encode(_:)``'s, whatever the observer was told. The
/// encoding counts in ``Pieces/tally`` what it took and what it encoded again.
///
/// The hash is not started ahead: hashing the finished parts takes about 15 ms on the benchmark
/// tenant, beside the evaluation, and starting it during the read saved no measurable time.
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
        /// What the encodings that spliced these pieces in took (a list or a role each) and what
        /// they encoded again though a piece was made for it.
        let tally = ReuseTally()
    }

    private let work = SerialWork(label: "v360audit.snapshot-fragments", Pieces())

    /// An observer with nothing encoded yet.
    public init() {}

    /// Encodes the members list on the observer's queue.
    public func didRead(members: [Member]) {
        work.perform { if !members.isEmpty { $0.members = (members, SnapshotWriter.elements(members)) } }
    }

    /// Encodes the API members list on the observer's queue.
    public func didRead(apiMembers: [APIMember]) {
        work.perform { if !apiMembers.isEmpty { $0.apiMembers = (apiMembers, SnapshotWriter.elements(apiMembers)) } }
    }

    /// Encodes a role on the observer's queue.
    public func didRead(role: SecurityRole) {
        work.perform { $0.roles[role.id] = (role, SnapshotWriter.laterElement(role)) }
    }

    /// Everything encoded once the work handed over so far is done.
    public func pieces() async -> Pieces { await work.current() }

    /// What the encodings so far took of the pieces, and what they encoded again.
    public func reuse() async -> ReuseTally.Counts { await work.current().tally.current }
}
