import Foundation
import V360Core

/// A ``ReadObserver`` that encodes the bulk of a snapshot — the member lists and every role with
/// its settings — while the read is still waiting on the PSA, on a queue of its own, so encoding
/// the finished snapshot (`snapshot`, `--save-snapshot`, a live scan's fingerprint) only splices.
///
/// Each piece is kept beside the value it encodes and used only where the finished snapshot holds
/// an equal value (cheap: the values share storage); anything else is encoded then. So the bytes
/// are always exactly ``SnapshotStore/encode(_:)``'s, whatever the observer was told.
///
/// It also hashes what the file will begin with as soon as it can (``SnapshotDigest``): the part
/// before the roles once the lists it holds are in, then each role in list order as it arrives, so
/// the fingerprint of a large snapshot is nearly done when the read ends.
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
        /// What the part before the roles is made of, as told.
        var told = Told()
        /// The SHA-256 of the expected beginning of the file, as far as it is known.
        var digest = SnapshotDigest()
        /// Index (in the told role list) of the next role to hash.
        var nextRole = 0
    }

    /// The lists the part of the file before the roles is made of, as they were told.
    struct Told: Sendable {
        /// `/system/members`, once told.
        var members: [Member]?
        /// `/system/apiMembers`, once told.
        var apiMembers: [APIMember]?
        /// `/system/integratorLogins`, once told.
        var integratorLogins: [IntegratorLogin]?
        /// The scanner's security, once read.
        var scanner: ScannerSecurity?
        /// The role list (without settings), in the order the file will hold the roles.
        var roles: [SecurityRole]?
    }

    private let work = SerialWork(label: "v360audit.snapshot-fragments", Pieces())

    /// An observer with nothing encoded yet.
    public init() {}

    /// Encodes the members list on the observer's queue.
    public func didRead(members: [Member]) {
        work.perform {
            $0.told.members = members
            if !members.isEmpty { $0.members = (members, SnapshotWriter.elements(members)) }
            Self.hashAhead(&$0)
        }
    }

    /// Encodes the API members list on the observer's queue.
    public func didRead(apiMembers: [APIMember]) {
        work.perform {
            $0.told.apiMembers = apiMembers
            if !apiMembers.isEmpty { $0.apiMembers = (apiMembers, SnapshotWriter.elements(apiMembers)) }
            Self.hashAhead(&$0)
        }
    }

    /// Encodes a role on the observer's queue.
    public func didRead(role: SecurityRole) {
        work.perform {
            $0.roles[role.id] = (role, SnapshotWriter.laterElement(role))
            Self.hashAhead(&$0)
        }
    }

    /// Keeps the role list's order, for hashing the roles in it.
    public func didRead(roles: [SecurityRole]) {
        work.perform { $0.told.roles = roles; Self.hashAhead(&$0) }
    }

    /// Keeps the integrator logins, which the file holds before the roles.
    public func didRead(integratorLogins: [IntegratorLogin]) {
        work.perform { $0.told.integratorLogins = integratorLogins; Self.hashAhead(&$0) }
    }

    /// Keeps the scanner's security, which the file holds before the roles.
    public func didRead(scanner: ScannerSecurity) {
        work.perform { $0.told.scanner = scanner; Self.hashAhead(&$0) }
    }

    /// Everything encoded once the work handed over so far is done.
    public func pieces() async -> Pieces { await work.current() }

    /// The SHA-256 of the concatenated `parts` (the finished encoding), taking what was hashed
    /// during the read where the parts begin with exactly those bytes.
    public func sha256Hex(of parts: [ArraySlice<UInt8>]) async -> String {
        await work.current().digest.finish(parts)
    }

    /// Hashes as far as the expected file is known: the part before the roles once every list in
    /// it was told (a complete read: no gaps, a scanner), then the roles in list order.
    private static func hashAhead(_ pieces: inout Pieces) {
        let told = pieces.told
        guard let roles = told.roles, !roles.isEmpty else { return }
        if pieces.digest.hashedParts == 0 {
            guard let members = told.members, let apiMembers = told.apiMembers, let logins = told.integratorLogins,
                  let scanner = told.scanner else { return }
            let expected = TenantSnapshot(source: SnapshotSource(site: "", capturedAt: Date(timeIntervalSince1970: 0)),
                                          members: members, apiMembers: apiMembers, integratorLogins: logins,
                                          scanner: scanner)
            for part in SnapshotWriter.head(expected, reusing: pieces).parts { pieces.digest.add(part) }
        }
        while pieces.nextRole < roles.count, let piece = pieces.roles[roles[pieces.nextRole].id] {
            pieces.digest.add(pieces.nextRole == 0 ? piece.bytes.dropFirst() : piece.bytes[...])
            pieces.nextRole += 1
        }
    }
}
