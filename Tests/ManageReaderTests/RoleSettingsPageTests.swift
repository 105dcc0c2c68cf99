import Foundation
import ManageSimulator
import Testing
@testable import ManageReader

/// The fast settings-page reader against the lenient Foundation one: wherever the fast path
/// answers, it answers what the Foundation path gives; where it cannot, it says so (nil).
@Suite struct RoleSettingsPageTests {
    /// The Foundation path, as the reader runs it when the fast path returns nil.
    private func foundation(_ body: String) throws -> [RoleSetting] {
        try APIObject.array(from: Data(body.utf8), endpoint: "/system/securityRoles/1/settings").map { $0.roleSetting() }
    }

    private func fast(_ body: String) -> [RoleSetting]? { RoleSettingsPage.decode(Data(body.utf8)) }

    @Test func readsEveryPageTheSimulatorServesAsTheFoundationPathDoes() throws {
        let fixture = TenantFixture.generated(members: 20, apiMembers: 5, roles: 6, settingsPerRole: 40, integratorLogins: 1)
        let demo = DemoTenant.fixture
        var pages = 0
        for rows in Array(fixture.roleSettings.values) + Array(demo.roleSettings.values) {
            let body = JSONValue.array(rows).jsonText
            let quick = try #require(fast(body), "the fast path must read the API's own form")
            #expect(quick == (try foundation(body)))
            pages += 1
        }
        #expect(pages > 6)
    }

    @Test func agreesOnHandWrittenPlainPages() throws {
        let pages = [
            "[]",
            " [ ] ",
            #"[{"id":7,"moduleIdentifier":"System","moduleName":"System","moduleFunctionIdentifier":"Member","moduleFunctionName":"Member Maintenance","moduleDescription":null,"moduleFunctionDescription":"Member \"Maint\" \u00e9\ud83d\ude00 \\ \/","addLevel":"All","editLevel":"My","deleteLevel":null,"inquireLevel":"None"}]"#,
            #"[{"id":-0,"addLevel":"Ünïcode lévél"},{}]"#,
            #"[{"id":null,"_info":{"lastUpdated":"2025-04-30T09:00:00Z","nested":[1,2.5,-3e+2,true,false,null,{"a":[]}]},"extra":0.5E-3}]"#,
            "[\n\t{ \"id\" : 1 , \"inquireLevel\" : \"All\" }\r\n]\n",
        ]
        for body in pages {
            let quick = try #require(fast(body), "plain page not read fast: \(body)")
            #expect(quick == (try foundation(body)), "\(body)")
        }
    }

    /// What the fast path does not read: it must leave each to the Foundation path, never guess.
    @Test func leavesEverythingElseToTheFoundationPath() throws {
        let others = [
            #"[{"id":1.0}]"#, #"[{"id":"7"}]"#, #"[{"id":true}]"#, #"[{"id":9223372036854775808}]"#,
            #"[{"addLevel":3}]"#, #"[{"addLevel":true}]"#, #"[{"addLevel":{"name":"All"}}]"#, #"[{"moduleName":5}]"#,
            #"[{"id":1,"id":2}]"#, #"[{"i\u0064":1}]"#, #"{"id":1}"#, #"[1]"#, #"[{"x":01}]"#, #"[{"x":1.}]"#,
            #"[{"x":.5}]"#, #"[{"x":+1}]"#, #"[{"x":tru}]"#, #"[{"id":1}"#, #"[{"id":1},]"#, #"[{"a":"\ud800"}]"#,
            "[{\"a\":\"tab\there\"}]", "\u{FEFF}[]", #"[] []"#, "",
        ]
        for body in others {
            #expect(fast(body) == nil, "read fast but should not be: \(body)")
        }
    }

    /// Random pages built from plain and odd pieces: the fast answer, when there is one, is always
    /// the Foundation path's (and never one for a body Foundation refuses).
    @Test func neverDisagreesOnRandomPages() throws {
        var rng = SplitMix(seed: 0x5EED)
        let values = [#""All""#, #""None""#, "null", "7", "-12", "1.5", "true", "false", #""é\n\"x\"""#, "[1,{}]",
                      #"{"k":"v"}"#, "01", "1e5", #""\ud83d\ude00""#]
        let keys = ["id", "addLevel", "editLevel", "deleteLevel", "inquireLevel", "moduleName", "moduleIdentifier",
                    "moduleFunctionName", "moduleFunctionIdentifier", "moduleDescription", "moduleFunctionDescription",
                    "_info", "other"]
        var answered = 0
        for _ in 0..<2_000 {
            let rows = (0..<rng.next(upTo: 4)).map { _ in
                "{" + (0..<rng.next(upTo: 6)).map { _ in
                    "\"\(keys[rng.next(upTo: keys.count)])\":\(values[rng.next(upTo: values.count)])"
                }.joined(separator: ",") + "}"
            }
            let body = "[" + rows.joined(separator: ",") + "]"
            let reference = try? foundation(body)
            if let quick = fast(body) {
                answered += 1
                #expect(quick == reference, "\(body)")
            }
        }
        #expect(answered > 100)
    }
}

/// A small seeded generator, so a failure repeats.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
