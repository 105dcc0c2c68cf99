import Foundation
import Testing
@testable import ManageReader

/// A large role list is read in two halves at once: the result is the strict decoder's, whatever
/// the role names hold, and a half that does not end where the scan said leaves it to the strict
/// decoder.
@Suite struct SnapshotRolesSplitTests {
    /// `count` roles from random snapshots, names holding what could mislead a byte scan.
    static func snapshot(roles count: Int) -> TenantSnapshot {
        var random = RandomSnapshot(seed: 11)
        var snapshot = random.snapshot()
        let tricky = [#"a "quoted" ], { name"#, #"back\slash\"#, "brace } ] , [ {", "é 😀 \u{1} tab\t", "plain"]
        snapshot.securityRoles = (0..<count).map { index in
            var role = SecurityRole(id: index + 1, name: tricky[index % tricky.count] + " \(index)")
            role.settings = index % 7 == 3 ? nil : (0..<(index % 5)).map { row in
                RoleSetting(id: index * 10 + row, moduleName: tricky[(index + row) % tricky.count], moduleFunctionName: "F\(row)",
                            addLevel: PermissionLevel("All"), inquireLevel: PermissionLevel(row % 2 == 0 ? "None" : nil))
            }
            return role
        }
        return snapshot
    }

    @Test(arguments: [SnapshotReader.rolesReadInOrder - 1, SnapshotReader.rolesReadInOrder, 65, 301])
    func aSplitReadIsTheStrictDecodersRead(roles: Int) throws {
        let snapshot = Self.snapshot(roles: roles)
        let data = try SnapshotStore.encode(snapshot)
        let fast = try #require(SnapshotReader.decode(data), "the plain form is read on the fast path")
        #expect(fast.securityRoles.count == roles)
        var strict = try SnapshotStore.strictDecode(data, fileName: "s.json")
        strict.format = fast.format  // the strict path fills in the format name; the fast one reads it as written
        #expect(fast == strict)
        #expect(fast.securityRoles == snapshot.securityRoles)
    }

    /// The scan that splits the list finds every role, whatever its strings hold (so the halves
    /// are really read apart, not left to the one-by-one path).
    @Test func theScanFindsWhereEveryRoleStarts() throws {
        let data = try SnapshotStore.encode(Self.snapshot(roles: 301))
        let bytes = [UInt8](data)
        let key = Array(#""securityRoles" : "#.utf8)
        let at = try #require((0...(bytes.count - key.count)).first { Array(bytes[$0..<$0 + key.count]) == key })
        try bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            cursor.position = at + key.count
            let (starts, end) = try #require(SnapshotReader.elementStarts(cursor))
            #expect(starts.count == 301)
            #expect(starts.allSatisfy { buffer[$0] == UInt8(ascii: "{") } && buffer[end] == UInt8(ascii: "]"))
        }
    }

    @Test func aRoleTheFastPathDoesNotReadLeavesTheWholeFileToTheStrictDecoder() throws {
        let data = try SnapshotStore.encode(Self.snapshot(roles: 200))
        var text = String(decoding: data, as: UTF8.self)
        // One role in the second half gets a key the format does not know.
        let marker = #""id" : 150,"#
        let range = try #require(text.range(of: marker))
        text.replaceSubrange(range, with: #""id" : 150, "unknown" : 1,"#)
        #expect(SnapshotReader.decode(Data(text.utf8)) == nil)
    }
}
