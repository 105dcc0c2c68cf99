import Foundation
import Testing
import V360Core
import ManageSimulator
@testable import ManageReader

/// Pieces encoded during the read change no byte of the snapshot file: they are spliced in only
/// where the snapshot still holds the value a piece was made from.
@Suite struct SnapshotFragmentsTests {
    /// Tells `fragments` what a read of `snapshot` would, in an order scrambled by `seed`.
    static func observe(_ snapshot: TenantSnapshot, into fragments: SnapshotFragments, seed: UInt64) {
        var calls: [() -> Void] = [{ fragments.didRead(members: snapshot.members) },
                                   { fragments.didRead(apiMembers: snapshot.apiMembers) },
                                   { fragments.didRead(integratorLogins: snapshot.integratorLogins) },
                                   { fragments.didRead(roles: snapshot.securityRoles.map { var role = $0; role.settings = nil; return role }) }]
        if let scanner = snapshot.scanner { calls.append { fragments.didRead(scanner: scanner) } }
        for role in snapshot.securityRoles where role.settings != nil { calls.append { fragments.didRead(role: role) } }
        let order = calls.indices.sorted { ($0 * 7919 + Int(seed) * 104_729) % 1009 < ($1 * 7919 + Int(seed) * 104_729) % 1009 }
        for index in order { calls[index]() }
    }

    static func joined(_ parts: [ArraySlice<UInt8>]) -> Data { Data(parts.joined()) }

    @Test(arguments: Array(UInt64(1)...40)) func splicedEncodingIsTheReferenceEncoding(seed: UInt64) async throws {
        var random = RandomSnapshot(seed: seed)
        let snapshot = random.snapshot()
        let fragments = SnapshotFragments()
        Self.observe(snapshot, into: fragments, seed: seed)
        let pieces = await fragments.pieces()
        #expect(pieces.roles.count == Set(snapshot.securityRoles.filter { $0.settings != nil }.map(\.id)).count)
        #expect(Self.joined(await SnapshotStore.encodedParts(snapshot, reusing: fragments)) == (try SnapshotStore.referenceEncoding(snapshot)))
    }

    /// The encoding counts what it spliced in and what it encoded again: with the snapshot as told,
    /// both lists (when not empty) and every role with settings are taken, none encoded again.
    @Test(arguments: Array(UInt64(1)...20)) func theEncodingTakesEveryPieceOfTheSnapshotItWasToldOf(seed: UInt64) async throws {
        var random = RandomSnapshot(seed: seed)
        let snapshot = random.snapshot()
        let fragments = SnapshotFragments()
        Self.observe(snapshot, into: fragments, seed: seed)
        _ = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        let lists = (snapshot.members.isEmpty ? 0 : 1) + (snapshot.apiMembers.isEmpty ? 0 : 1)
        let roles = snapshot.securityRoles.count { $0.settings != nil }
        #expect(await fragments.reuse() == ReuseTally.Counts(reused: lists + roles, redone: 0))
    }

    /// Told nothing, the same encoding counts every role with settings as encoded again: the count
    /// the read-time tests hold a live scan to would then fail.
    @Test func anEncodingWithoutPiecesCountsTheRolesAsRedone() async throws {
        // The first random snapshot holding a role with settings.
        let snapshot = try #require((UInt64(1)...50).lazy.map { seed -> TenantSnapshot in
            var random = RandomSnapshot(seed: seed)
            return random.snapshot()
        }.first { snapshot in snapshot.securityRoles.contains { $0.settings != nil } })
        let fragments = SnapshotFragments()
        _ = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        let roles = snapshot.securityRoles.count { $0.settings != nil }
        #expect(roles > 0)
        #expect(await fragments.reuse() == ReuseTally.Counts(reused: 0, redone: roles))
    }

    @Test(arguments: Array(UInt64(1)...40)) func piecesOfOtherValuesAreNotUsed(seed: UInt64) async throws {
        var random = RandomSnapshot(seed: seed)
        let observed = random.snapshot()
        let fragments = SnapshotFragments()
        Self.observe(observed, into: fragments, seed: seed)
        // The snapshot written differs from what the observer was told, in every way it can.
        var changed = observed
        changed.securityRoles.reverse()
        if !changed.securityRoles.isEmpty {
            changed.securityRoles[0].name += " (renamed)"
            let middle = changed.securityRoles.count / 2
            if changed.securityRoles[middle].settings?.isEmpty == false {
                changed.securityRoles[middle].settings?.removeLast()
            } else {
                changed.securityRoles[middle].settings = [RoleSetting(id: 1, moduleName: "M", moduleFunctionName: "F")]
            }
            changed.securityRoles.removeLast()
        }
        if !changed.members.isEmpty { changed.members[0].identifier += "x" }
        changed.apiMembers.removeAll()
        let parts = await SnapshotStore.encodedParts(changed, reusing: fragments)
        #expect(Self.joined(parts) == (try SnapshotStore.referenceEncoding(changed)))
        #expect(await fragments.reuse().redone > 0, "the pieces of other values were counted as not taken")
    }

    @Test func aReadTellsTheObserverEveryRoleAndTheListsOverTheSocket() async throws {
        let harness = try await SimulatorHarness.start(
            faults: FaultPlan(pathFaults: [.status(500, on: "/system/securityroles/2/settings")]), concurrency: 3)
        let fragments = SnapshotFragments()
        let snapshot = try await harness.client.readSnapshot(observers: [fragments])
        await harness.stop()
        let pieces = await fragments.pieces()
        let read = snapshot.securityRoles.filter { $0.settings != nil }
        #expect(read.count == snapshot.securityRoles.count - 1, "role 2's settings failed")
        #expect(pieces.roles.keys.sorted() == read.map(\.id).sorted())
        #expect(pieces.members?.value == snapshot.members && pieces.apiMembers?.value == snapshot.apiMembers)
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        #expect(Self.joined(parts) == (try SnapshotStore.encode(snapshot)))
        #expect(await fragments.reuse() == ReuseTally.Counts(reused: 2 + read.count, redone: 0))
    }

    @Test func partsAreWrittenAndHashedAsTheirConcatenation() async throws {
        var random = RandomSnapshot(seed: 7)
        let snapshot = random.snapshot()
        let fragments = SnapshotFragments()
        Self.observe(snapshot, into: fragments, seed: 7)
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        #expect(parts.count > 2, "the pieces are spliced as parts of their own")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("s.json")
        try Data("old".utf8).write(to: url)
        try SnapshotStore.write(parts: parts, to: url)
        let written = try Data(contentsOf: url)
        #expect(written == (try SnapshotStore.encode(snapshot)))
        #expect(SnapshotStore.sha256Hex(parts: parts) == SnapshotStore.sha256Hex(written))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["s.json"], "no temporary left")
        let missing = directory.appendingPathComponent("no/such/dir/s.json")
        let error = #expect(throws: V360CoreError.self) { try SnapshotStore.write(parts: parts, to: missing) }
        #expect(error == .write(path: missing.path, cause: "the folder does not exist"))
    }
}
