import Foundation
import Testing
import ManageSimulator
@testable import ManageReader

/// Pieces encoded during the read change no byte of the snapshot file: they are spliced in only
/// where the snapshot still holds the value a piece was made from.
@Suite struct SnapshotFragmentsTests {
    /// Tells `fragments` what a read of `snapshot` would, in an order scrambled by `seed`.
    static func observe(_ snapshot: TenantSnapshot, into fragments: SnapshotFragments, seed: UInt64) {
        var calls: [() -> Void] = [{ fragments.didRead(members: snapshot.members) },
                                   { fragments.didRead(apiMembers: snapshot.apiMembers) }]
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
        #expect(Self.joined(await SnapshotStore.encodedParts(changed, reusing: fragments)) == (try SnapshotStore.referenceEncoding(changed)))
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
        #expect(Self.joined(await SnapshotStore.encodedParts(snapshot, reusing: fragments)) == (try SnapshotStore.encode(snapshot)))
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
        #expect(throws: ReaderError.self) { try SnapshotStore.write(parts: parts, to: missing) }
        do {
            try SnapshotStore.write(parts: parts, to: missing)
        } catch {
            #expect(error.description.contains(missing.path) && error.description.contains("cannot write the snapshot"))
        }
    }
}
