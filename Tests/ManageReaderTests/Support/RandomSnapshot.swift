import Foundation
@testable import ManageReader

/// Seeded generator of snapshots that exercise every field of the format: optionals present and
/// absent, strings needing escapes (quotes, backslashes, control characters, slashes, non-ASCII,
/// emoji, U+2028), negative ids, fractional capture times and `_info` keys of mixed case.
struct RandomSnapshot {
    private var state: UInt64

    /// A generator whose output depends only on `seed`.
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    private mutating func chance() -> Bool { next() % 2 == 0 }

    private static let pieces = ["svc", "Admin", "a\"b", "back\\slash", "tab\there", "line\nbreak", "cr\rx", "nul\u{0}",
                                 "bell\u{07}", "\u{1F}", "del\u{7F}", "path/with/slashes", "é", "Zürich", "😀",
                                 "\u{2028}", "Service Desk", "  padded  ", "", "{}[],:", "ü\u{308}"]

    private mutating func text() -> String {
        (0..<(1 + below(3))).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }

    private mutating func maybeText() -> String? { chance() ? text() : nil }
    private mutating func maybeBool() -> Bool? { [true, false, nil][below(3)] }
    private mutating func maybeInt() -> Int? { chance() ? below(100_000) - 50 : nil }

    private mutating func level() -> PermissionLevel {
        PermissionLevel([nil, "None", "All", "Mine", "My", "NONE", " all ", "Weird\"level"][below(8)])
    }

    private mutating func row() -> RoleSetting {
        RoleSetting(id: maybeInt(), moduleIdentifier: maybeText(), moduleName: maybeText(),
                    moduleFunctionIdentifier: maybeText(), moduleFunctionName: maybeText(),
                    moduleDescription: maybeText(), moduleFunctionDescription: maybeText(),
                    addLevel: level(), editLevel: level(), deleteLevel: level(), inquireLevel: level())
    }

    private mutating func roleReference() -> RoleReference? { chance() ? RoleReference(id: maybeInt(), name: maybeText()) : nil }

    private mutating func memberReference() -> MemberReference? {
        chance() ? MemberReference(id: maybeInt(), identifier: maybeText(), name: maybeText()) : nil
    }

    private mutating func info() -> [String: String]? {
        guard chance() else { return nil }
        let keys = ["lastUpdated", "updatedBy", "_x", "B", "a10", "a9", "Zeta", "é", "image_href", "dateEntered"]
        var map: [String: String] = [:]
        for _ in 0..<below(5) { map[keys[below(keys.count)]] = text() }
        return map
    }

    /// A snapshot with a few of everything.
    mutating func snapshot() -> TenantSnapshot {
        let members = (0..<below(6)).map { _ in
            Member(id: below(1000) - 10, identifier: text(), firstName: maybeText(), lastName: maybeText(),
                   licenseClass: maybeText(), inactiveFlag: maybeBool(), securityRole: roleReference(),
                   adminFlag: maybeBool(), lastLogin: maybeText(), info: info())
        }
        let apiMembers = (0..<below(4)).map { _ in
            APIMember(id: below(1000), identifier: text(), name: maybeText(), inactiveFlag: maybeBool(),
                      securityRole: roleReference())
        }
        let roles = (0..<below(4)).map { _ in
            SecurityRole(id: below(1000), name: text(), roleType: maybeText(), adminFlag: maybeBool(),
                         inactiveFlag: maybeBool(), settings: chance() ? (0..<below(4)).map { _ in row() } : nil)
        }
        let logins = (0..<below(3)).map { _ in
            IntegratorLogin(id: below(1000), username: text(), inactiveFlag: maybeBool(),
                            canAccessAllRecordsFlag: maybeBool(), canAccessAllApisFlag: maybeBool(),
                            member: memberReference())
        }
        let gaps = (0..<below(3)).map { _ in
            ReadGap(area: DataArea.allCases[below(DataArea.allCases.count)], endpoint: text(), status: maybeInt(),
                    roleId: maybeInt(), detail: text())
        }
        let capturedAt = Date(timeIntervalSince1970: 1_700_000_000 + Double(below(100_000_000)) + Double(below(1000)) / 1000)
        var snapshot = TenantSnapshot(
            source: SnapshotSource(site: text(), codebase: maybeText(), apiVersion: maybeText(), capturedAt: capturedAt),
            members: members, apiMembers: apiMembers, securityRoles: roles, integratorLogins: logins,
            scanner: chance() ? ScannerSecurity(member: memberReference(), settings: (0..<below(3)).map { _ in row() }) : nil,
            gaps: gaps)
        if below(4) == 0 { snapshot.format = nil }
        return snapshot
    }
}
