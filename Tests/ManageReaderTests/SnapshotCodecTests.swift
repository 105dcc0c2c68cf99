import Foundation
import Testing
@testable import ManageReader

/// The fast snapshot writer and reader are held to the reference: `JSONEncoder`'s bytes on the
/// way out, `JSONDecoder` plus the unknown-key walk on the way in.
@Suite struct SnapshotCodecTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test func writerGivesJSONEncodersBytesForEveryFieldSet() throws {
        let template = TenantSnapshot.keyTemplate(infoKeys: ["lastUpdated", "B", "_x", "a10", "a9", "é"])
        #expect(try SnapshotStore.encode(template) == SnapshotStore.referenceEncoding(template))
    }

    @Test func writerGivesJSONEncodersBytesForEmptyAndMinimalSnapshots() throws {
        let empty = TenantSnapshot(source: SnapshotSource(site: "s", capturedAt: Date(timeIntervalSince1970: 0)))
        #expect(try SnapshotStore.encode(empty) == SnapshotStore.referenceEncoding(empty))
        var legacy = empty
        legacy.format = nil
        legacy.securityRoles = [SecurityRole(id: 1, name: "r", settings: []), SecurityRole(id: 2, name: "n")]
        #expect(try SnapshotStore.encode(legacy) == SnapshotStore.referenceEncoding(legacy))
    }

    @Test(arguments: seeds) func writerGivesJSONEncodersBytes(seed: UInt64) throws {
        var generator = RandomSnapshot(seed: seed)
        let snapshot = generator.snapshot()
        let fast = try SnapshotStore.encode(snapshot), reference = try SnapshotStore.referenceEncoding(snapshot)
        #expect(fast == reference, "seed \(seed):\n\(String(decoding: fast, as: UTF8.self))")
    }

    @Test(arguments: seeds) func readerAgreesWithTheStrictDecoder(seed: UInt64) throws {
        var generator = RandomSnapshot(seed: seed)
        let data = try SnapshotStore.encode(generator.snapshot())
        let fast = try #require(SnapshotReader.decode(data), "seed \(seed): the fast path refused its own format")
        var strict = try SnapshotStore.strictDecode(data, fileName: "s.json")
        strict.format = fast.format
        #expect(fast == strict)
    }

    /// Variants the fast path does not read (or must refuse): the public decode gives exactly what
    /// the strict decoder gives, a snapshot or the same error.
    @Test(arguments: [
        (#""identifier" : "svc""#, #""identifier" : "svc", "colour" : "red""#),      // unknown key
        (#""identifier" : "svc""#, #""identifier" : "svc", "colour" : null"#),       // unknown null key: accepted
        (#""identifier" : "svc""#, #""identifier" : "svc", "identifier" : "x""#),    // duplicate key
        (#""id" : 2,"#, #""id" : 2.0,"#),                                           // float id
        (#""id" : 2,"#, #""id" : 02,"#),                                            // leading zero
        (#""id" : 2,"#, #""id" : "2","#),                                           // string id
        (#""identifier" : "svc""#, #""identifier" : "s\u0076c\/""#),                 // escapes
        (#""identifier" : "svc""#, #""identifier" : "\ud83d\ude00""#),               // surrogate pair
        (#""identifier" : "svc""#, #""identifier" : "\ud83d""#),                     // lone surrogate
        (#""identifier" : "svc""#, #""identifier" : null"#),                         // null required
        (#""licenseClass" : "A","#, ""),                                           // optional left out
        ("14:13:20Z", "14:13:20.250Z"),                                             // fractional date
        ("14:13:20Z", "14:13:20+00:00"),                                            // offset date
        (#""area" : "roleSettings""#, #""area" : "nowhere""#),                       // bad enum
        (#""addLevel" : "All","#, ""),                                              // required level missing
        (#""schemaVersion" : 1"#, #""schemaVersion" : 2"#),                          // other version
        (#""format" : "v360audit-snapshot""#, #""format" : "v360audit-report""#),    // other format
        (#""members" : ["#, #""members" : [,"#),                                    // syntax error
    ])
    func variantsDecodeExactlyAsTheStrictDecoderDecides(original: String, replacement: String) throws {
        let text = String(decoding: try SnapshotStore.encode(SnapshotStoreTests.snapshot), as: UTF8.self)
        #expect(text.contains(original), "the fixture no longer holds \(original)")
        let variant = Data(text.replacingOccurrences(of: original, with: replacement).utf8)
        #expect(outcome { try SnapshotStore.decode(variant, fileName: "v.json") }
            == outcome { try SnapshotStore.strictDecode(variant, fileName: "v.json") })
    }

    @Test func compactAndTrailingForms() throws {
        let compact = try JSONEncoder().encode(SnapshotStoreTests.snapshot)
        #expect(outcome { try SnapshotStore.decode(compact, fileName: "c.json") }
            == outcome { try SnapshotStore.strictDecode(compact, fileName: "c.json") })
        let data = try SnapshotStore.encode(SnapshotStoreTests.snapshot)
        #expect(SnapshotReader.decode(data + Data("\n  ".utf8)) != nil)
        #expect(SnapshotReader.decode(data + Data("{}".utf8)) == nil)
        #expect(SnapshotReader.decode(data.dropLast(3)) == nil)
        #expect(SnapshotReader.decode(Data([0xEF, 0xBB, 0xBF]) + data) == nil)
        var invalidUTF8 = data
        invalidUTF8[invalidUTF8.firstRange(of: Data("svc".utf8))!.lowerBound] = 0xFF
        #expect(SnapshotReader.decode(invalidUTF8) == nil)
    }

    /// A decode's result as a comparable value: the snapshot or the error's text.
    private func outcome(_ decode: () throws -> TenantSnapshot) -> String {
        do { return String(describing: try decode()) } catch { return "error: \(error)" }
    }
}
