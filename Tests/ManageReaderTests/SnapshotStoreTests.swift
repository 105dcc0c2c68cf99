import Foundation
import Testing
@testable import ManageReader

@Suite struct SnapshotStoreTests {
    static let snapshot = TenantSnapshot(
        source: SnapshotSource(site: "api-na.myconnectwise.net", codebase: "v2025_1/", apiVersion: "2025.8",
                               capturedAt: Date(timeIntervalSince1970: 1_790_000_000)),
        members: [Member(id: 1, identifier: "jdoe", licenseClass: "F"), Member(id: 2, identifier: "svc", licenseClass: "A",
                                                                              securityRole: RoleReference(id: 3, name: "API"))],
        securityRoles: [SecurityRole(id: 3, name: "API", settings: [RoleSetting(moduleName: "System", addLevel: PermissionLevel("All"))]),
                        SecurityRole(id: 4, name: "Broken")],
        gaps: [ReadGap(area: .roleSettings, endpoint: "/system/securityRoles/4/settings", status: 403, roleId: 4, detail: "no")])

    @Test func roundTripIsExactAndDeterministic() throws {
        let data = try SnapshotStore.encode(Self.snapshot)
        #expect(try SnapshotStore.decode(data, fileName: "s.json") == Self.snapshot)
        #expect(try SnapshotStore.encode(SnapshotStore.decode(data, fileName: "s.json")) == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""capturedAt" : "2026-09-21T14:13:20Z""#))
        #expect(text.range(of: "\"apiMembers\"")!.lowerBound < text.range(of: "\"gaps\"")!.lowerBound)
    }

    @Test func saveAndLoad() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snap-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try SnapshotStore.save(Self.snapshot, to: url)
        #expect(try SnapshotStore.load(from: url) == Self.snapshot)
        #expect(throws: ReaderError.self) { try SnapshotStore.load(from: url.appendingPathExtension("missing")) }
    }

    func expectError(_ text: String, line: Int?, path: String?, detailContains: String) {
        do {
            _ = try SnapshotStore.decode(Data(text.utf8), fileName: "snap.json")
            Issue.record("decoded")
        } catch {
            guard case .invalidSnapshot(let file, let gotLine, let gotPath, let detail) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "snap.json")
            #expect(gotLine == line)
            #expect(gotPath == path)
            #expect(detail.contains(detailContains), "\(detail)")
            #expect(error.exitCode == 64)
        }
    }

    func encodedText() throws -> String { String(decoding: try SnapshotStore.encode(Self.snapshot), as: UTF8.self) }

    func line(of needle: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }! + 1
    }

    @Test func unknownKeyIsNamedWithLineAndPath() throws {
        let text = try encodedText().replacingOccurrences(of: "\"identifier\" : \"svc\"",
                                                          with: "\"identifier\" : \"svc\", \"colour\" : \"red\"")
        expectError(text, line: line(of: "colour", in: text), path: "members[1].colour", detailContains: "unknown key")
    }

    @Test func unknownNullKeyIsTolerated() throws {
        let text = try encodedText().replacingOccurrences(of: "\"identifier\" : \"svc\"",
                                                          with: "\"identifier\" : \"svc\", \"colour\" : null")
        #expect(try SnapshotStore.decode(Data(text.utf8), fileName: "x") == Self.snapshot)
    }

    @Test func wrongSchemaVersionIsRefused() throws {
        let text = try encodedText().replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
        expectError(text, line: line(of: "schemaVersion", in: text), path: "schemaVersion", detailContains: "schemaVersion 2")
    }

    @Test func wrongTypeNamesPath() throws {
        let text = try encodedText().replacingOccurrences(of: "\"identifier\" : \"svc\"", with: "\"identifier\" : 7")
        expectError(text, line: line(of: "\"identifier\" : 7", in: text), path: "members[1].identifier",
                    detailContains: "expected String")
    }

    @Test func malformedJSONNamesLine() throws {
        let text = "{\n  \"schemaVersion\" : 1,\n  \"members\" : [\n    {\"id\": }\n  ]\n}\n"
        do {
            _ = try SnapshotStore.decode(Data(text.utf8), fileName: "bad.json")
            Issue.record("decoded")
        } catch {
            guard case .invalidSnapshot(let file, let line, _, let detail) = error else { Issue.record("\(error)"); return }
            #expect(file == "bad.json" && line == 4)
            #expect(detail.hasPrefix("malformed JSON"))
            #expect(error.description == "bad.json:4: invalid snapshot: malformed JSON at column 12: invalid value")
        }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256MatchesFIPSVectors(_ input: String, _ digest: String) {
        #expect(SnapshotStore.sha256Hex(Data(input.utf8)) == digest)
    }

    @Test func sha256OfOneMillionAs() {
        #expect(SnapshotStore.sha256Hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                    == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SnapshotStoreStrictnessTests {
    func error(_ text: String) -> ReaderError? {
        do {
            _ = try SnapshotStore.decode(Data(text.utf8), fileName: "f.json")
            return nil
        } catch { return error }
    }

    @Test func unknownKeysAreFoundAtEveryDepth() throws {
        let text = String(decoding: try SnapshotStore.encode(SnapshotStoreTests.snapshot), as: UTF8.self)
        let cases = [
            ("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"extra\" : [1]", "extra"),
            ("\"codebase\" : \"v2025_1/\"", "\"codebase\" : \"v2025_1/\", \"port\" : 1", "source.port"),
            ("\"moduleName\" : \"System\"", "\"moduleName\" : \"System\", \"x\" : {\"a\": 1}", "securityRoles[0].settings[0].x"),
            ("\"licenseClass\" : \"A\",", "\"licenseClass\" : \"A\", \"y\" : 0,", "members[1].y"),
        ]
        for (find, replace, path) in cases {
            #expect(text.contains(find), "fixture text changed: \(find)")
            let edited = text.replacingOccurrences(of: find, with: replace)
            guard case .invalidSnapshot(_, let line, let gotPath, _)? = error(edited) else {
                Issue.record("no error for \(path)")
                continue
            }
            #expect(gotPath == path)
            let key = String(path.split(separator: ".").last!.split(separator: "[").first!)
            #expect(line == edited.components(separatedBy: "\n").firstIndex { $0.contains("\"\(key)\" :") }.map { $0 + 1 })
        }
    }

    @Test func notAnObjectAndMissingVersion() {
        #expect(error("[1, 2]")?.description == "f.json:1: invalid snapshot: the file is not a JSON object")
        #expect(error("{\"members\": []}")?.description.contains("missing schemaVersion") == true)
    }

    @Test func syntaxErrorReportsLineAndColumn() {
        guard case .invalidSnapshot(_, let line, _, let detail)? = error("{\n \"a\": [1,\n 2 3]\n}") else {
            Issue.record("no error")
            return
        }
        #expect(line == 3)
        #expect(detail.contains("column"))
    }
}
