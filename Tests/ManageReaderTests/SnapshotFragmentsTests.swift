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

    /// Whether a read of `snapshot` gives the observer all it needs to hash the file ahead: the
    /// lists before the roles as they will be written (no gaps, a scanner, the format a read
    /// writes) and every role's settings.
    static func hashableAhead(_ snapshot: TenantSnapshot) -> Bool {
        snapshot.gaps.isEmpty && snapshot.scanner != nil && !snapshot.securityRoles.isEmpty
            && snapshot.format == TenantSnapshot.formatName && snapshot.schemaVersion == TenantSnapshot.currentSchemaVersion
            && snapshot.securityRoles.allSatisfy { $0.settings != nil }
            && Set(snapshot.securityRoles.map(\.id)).count == snapshot.securityRoles.count
    }

    @Test(arguments: Array(UInt64(1)...40)) func theHashStartedDuringTheReadIsTheFilesHash(seed: UInt64) async throws {
        var random = RandomSnapshot(seed: seed)
        var snapshot = random.snapshot()
        if seed % 2 == 0 {  // half of them as a complete read gives them, so hashing ahead can go all the way
            snapshot.gaps = []
            snapshot.format = TenantSnapshot.formatName
            snapshot.scanner = snapshot.scanner ?? ScannerSecurity(member: nil, settings: [])
            for index in snapshot.securityRoles.indices where snapshot.securityRoles[index].settings == nil {
                snapshot.securityRoles[index].settings = []
            }
        }
        let fragments = SnapshotFragments()
        Self.observe(snapshot, into: fragments, seed: seed)
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        let expected = SnapshotStore.sha256Hex(try SnapshotStore.referenceEncoding(snapshot))
        #expect(await fragments.sha256Hex(of: parts) == expected)
        let digest = await fragments.pieces().digest
        if Self.hashableAhead(snapshot) {
            // The part before the roles (one or more parts) and every role were hashed ahead, and taken.
            #expect(digest.hashedParts > snapshot.securityRoles.count)
            #expect(digest.resumedParts(parts) == digest.hashedParts)
        }
    }

    @Test func aDigestResumesOnlyFromTheSameBytes() {
        let a: [UInt8] = Array("{\n  \"a\" : [".utf8), b: [UInt8] = Array(repeating: 0x41, count: 5000), c: [UInt8] = Array("]}".utf8)
        var digest = SnapshotDigest()
        digest.add(a[...])
        digest.add(b[...])
        let whole = SnapshotStore.sha256Hex(Data(a + b + c))
        // The same storage, equal bytes in other storage, and a longer list all resume.
        #expect(digest.resumedParts([a[...], b[...], c[...]]) == 2 && digest.finish([a[...], b[...], c[...]]) == whole)
        let copy = Array(b)
        #expect(digest.resumedParts([Array(a)[...], copy[...], c[...]]) == 2)
        #expect(digest.finish([Array(a + b)[...], c[...]]) == whole, "parts cut elsewhere: hashed anew, same hash")
        #expect(digest.resumedParts([Array(a + b)[...], c[...]]) == 0)
        var other = b
        other[4999] = 0x42
        #expect(digest.resumedParts([a[...], other[...], c[...]]) == 0)
        #expect(digest.finish([a[...], other[...], c[...]]) == SnapshotStore.sha256Hex(Data(a + other + c)))
        #expect(digest.finish([a[...]]) == SnapshotStore.sha256Hex(Data(a)), "fewer parts than hashed")
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
        #expect(await fragments.sha256Hex(of: parts) == SnapshotStore.sha256Hex(try SnapshotStore.referenceEncoding(changed)))
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
        #expect(await fragments.sha256Hex(of: parts) == SnapshotStore.sha256Hex(try SnapshotStore.encode(snapshot)))
        // Role 2 failed (a gap), so the file does not begin as a complete read's would: hashed anew.
        #expect(await fragments.pieces().digest.resumedParts(parts) == 0)
    }

    @Test func aCompleteReadIsHashedDuringTheReadOverTheSocket() async throws {
        let harness = try await SimulatorHarness.start(concurrency: 3)
        let fragments = SnapshotFragments()
        let snapshot = try await harness.client.readSnapshot(observers: [fragments])
        await harness.stop()
        #expect(snapshot.isComplete && snapshot.scanner != nil && snapshot.securityRoles.count > 1)
        let parts = await SnapshotStore.encodedParts(snapshot, reusing: fragments)
        let digest = await fragments.pieces().digest
        #expect(digest.hashedParts > snapshot.securityRoles.count, "the lists and every role were hashed as they came")
        #expect(digest.resumedParts(parts) == digest.hashedParts)
        #expect(await fragments.sha256Hex(of: parts) == SnapshotStore.sha256Hex(try SnapshotStore.encode(snapshot)))
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
