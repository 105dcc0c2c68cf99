import Foundation

/// The fast path of strict snapshot decoding: reads the format this build writes straight from
/// the bytes into the model, with no `Decoder` in between.
///
/// It accepts exactly the snapshots the strict path accepts in their plain form: every key known
/// to the format, each at most once, required keys present, values of the right type, dates as
/// `.iso8601` writes them. Anything else (an unknown key, a duplicate, a float id, a syntax
/// error) returns nil and ``SnapshotStore/decode(_:fileName:)`` falls back to `JSONDecoder`, which
/// then accepts it the way it always did or names file, line and path. A test decodes the same
/// files both ways and compares.
enum SnapshotReader {
    typealias Mismatch = JSONCursor.Mismatch

    /// The snapshot in `data`, or nil when the strict decoder should decide.
    static func decode(_ data: Data) -> TenantSnapshot? {
        data.withUnsafeBytes { raw in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            guard let snapshot = try? snapshot(&cursor), (try? cursor.expectEnd()) != nil else { return nil }
            return snapshot
        }
    }

    private static func snapshot(_ c: inout JSONCursor) throws(Mismatch) -> TenantSnapshot {
        var format: String?, schemaVersion: Int?, source: SnapshotSource?, scanner: ScannerSecurity?
        var members: [Member]?, apiMembers: [APIMember]?, roles: [SecurityRole]?
        var logins: [IntegratorLogin]?, gaps: [ReadGap]?
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "format": try seen.once(0); format = try optional(&c) { (c) throws(Mismatch) in try c.string() }
            case "schemaVersion": try seen.once(1); schemaVersion = try c.int()
            case "source": try seen.once(2); source = try self.source(&c)
            case "members": try seen.once(3); members = try list(&c, member)
            case "apiMembers": try seen.once(4); apiMembers = try list(&c, apiMember)
            case "securityRoles": try seen.once(5); roles = try list(&c, role)
            case "integratorLogins": try seen.once(6); logins = try list(&c, login)
            case "scanner": try seen.once(7); scanner = try optional(&c, self.scanner)
            case "gaps": try seen.once(8); gaps = try list(&c, gap)
            default: throw Mismatch()
            }
        }
        guard let schemaVersion, let source, let members, let apiMembers, let roles, let logins, let gaps else {
            throw Mismatch()
        }
        var snapshot = TenantSnapshot(schemaVersion: schemaVersion, source: source, members: members,
                                      apiMembers: apiMembers, securityRoles: roles, integratorLogins: logins,
                                      scanner: scanner, gaps: gaps)
        snapshot.format = format
        return snapshot
    }

    private static func source(_ c: inout JSONCursor) throws(Mismatch) -> SnapshotSource {
        var site: String?, codebase: String?, apiVersion: String?, capturedAt: Date?
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "site": try seen.once(0); site = try c.string()
            case "codebase": try seen.once(1); codebase = try optionalString(&c)
            case "apiVersion": try seen.once(2); apiVersion = try optionalString(&c)
            case "capturedAt": try seen.once(3); capturedAt = try ISO8601Seconds.parse(try c.string())
            default: throw Mismatch()
            }
        }
        guard let site, let capturedAt else { throw Mismatch() }
        return SnapshotSource(site: site, codebase: codebase, apiVersion: apiVersion, capturedAt: capturedAt)
    }

    private static func member(_ c: inout JSONCursor) throws(Mismatch) -> Member {
        var id: Int?, identifier: String?
        var member = Member(id: 0, identifier: "")
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); id = try c.int()
            case "identifier": try seen.once(1); identifier = try c.string()
            case "firstName": try seen.once(2); member.firstName = try optionalString(&c)
            case "lastName": try seen.once(3); member.lastName = try optionalString(&c)
            case "licenseClass": try seen.once(4); member.licenseClass = try optionalString(&c)
            case "inactiveFlag": try seen.once(5); member.inactiveFlag = try optionalBool(&c)
            case "securityRole": try seen.once(6); member.securityRole = try optional(&c, roleReference)
            case "adminFlag": try seen.once(7); member.adminFlag = try optionalBool(&c)
            case "lastLogin": try seen.once(8); member.lastLogin = try optionalString(&c)
            case "info": try seen.once(9); member.info = try optional(&c, info)
            default: throw Mismatch()
            }
        }
        guard let id, let identifier else { throw Mismatch() }
        member.id = id
        member.identifier = identifier
        return member
    }

    private static func info(_ c: inout JSONCursor) throws(Mismatch) -> [String: String] {
        var map: [String: String] = [:]
        try c.object { (c, key) throws(Mismatch) in
            guard let key = key.string, map.updateValue(try c.string(), forKey: key) == nil else { throw Mismatch() }
        }
        return map
    }

    private static func apiMember(_ c: inout JSONCursor) throws(Mismatch) -> APIMember {
        var id: Int?, identifier: String?
        var member = APIMember(id: 0, identifier: "")
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); id = try c.int()
            case "identifier": try seen.once(1); identifier = try c.string()
            case "name": try seen.once(2); member.name = try optionalString(&c)
            case "inactiveFlag": try seen.once(3); member.inactiveFlag = try optionalBool(&c)
            case "securityRole": try seen.once(4); member.securityRole = try optional(&c, roleReference)
            default: throw Mismatch()
            }
        }
        guard let id, let identifier else { throw Mismatch() }
        member.id = id
        member.identifier = identifier
        return member
    }

    private static func roleReference(_ c: inout JSONCursor) throws(Mismatch) -> RoleReference {
        var reference = RoleReference(id: nil)
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); reference.id = try optionalInt(&c)
            case "name": try seen.once(1); reference.name = try optionalString(&c)
            default: throw Mismatch()
            }
        }
        return reference
    }

    private static func memberReference(_ c: inout JSONCursor) throws(Mismatch) -> MemberReference {
        var reference = MemberReference(id: nil)
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); reference.id = try optionalInt(&c)
            case "identifier": try seen.once(1); reference.identifier = try optionalString(&c)
            case "name": try seen.once(2); reference.name = try optionalString(&c)
            default: throw Mismatch()
            }
        }
        return reference
    }

    private static func role(_ c: inout JSONCursor) throws(Mismatch) -> SecurityRole {
        var id: Int?, name: String?
        var role = SecurityRole(id: 0, name: "")
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); id = try c.int()
            case "name": try seen.once(1); name = try c.string()
            case "roleType": try seen.once(2); role.roleType = try optionalString(&c)
            case "adminFlag": try seen.once(3); role.adminFlag = try optionalBool(&c)
            case "inactiveFlag": try seen.once(4); role.inactiveFlag = try optionalBool(&c)
            case "settings": try seen.once(5); role.settings = try optional(&c) { (c) throws(Mismatch) in try list(&c, setting) }
            default: throw Mismatch()
            }
        }
        guard let id, let name else { throw Mismatch() }
        role.id = id
        role.name = name
        return role
    }

    private static func setting(_ c: inout JSONCursor) throws(Mismatch) -> RoleSetting {
        var row = RoleSetting()
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "addLevel": try seen.once(0); row.addLevel = PermissionLevel(try optionalString(&c))
            case "editLevel": try seen.once(1); row.editLevel = PermissionLevel(try optionalString(&c))
            case "deleteLevel": try seen.once(2); row.deleteLevel = PermissionLevel(try optionalString(&c))
            case "inquireLevel": try seen.once(3); row.inquireLevel = PermissionLevel(try optionalString(&c))
            case "id": try seen.once(4); row.id = try optionalInt(&c)
            case "moduleIdentifier": try seen.once(5); row.moduleIdentifier = try optionalString(&c)
            case "moduleName": try seen.once(6); row.moduleName = try optionalString(&c)
            case "moduleDescription": try seen.once(7); row.moduleDescription = try optionalString(&c)
            case "moduleFunctionIdentifier": try seen.once(8); row.moduleFunctionIdentifier = try optionalString(&c)
            case "moduleFunctionName": try seen.once(9); row.moduleFunctionName = try optionalString(&c)
            case "moduleFunctionDescription": try seen.once(10); row.moduleFunctionDescription = try optionalString(&c)
            default: throw Mismatch()
            }
        }
        // The four levels are required keys (a null level is written as null, never left out).
        guard seen.all(0...3) else { throw Mismatch() }
        return row
    }

    private static func login(_ c: inout JSONCursor) throws(Mismatch) -> IntegratorLogin {
        var id: Int?, username: String?
        var login = IntegratorLogin(id: 0, username: "")
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "id": try seen.once(0); id = try c.int()
            case "username": try seen.once(1); username = try c.string()
            case "inactiveFlag": try seen.once(2); login.inactiveFlag = try optionalBool(&c)
            case "canAccessAllRecordsFlag": try seen.once(3); login.canAccessAllRecordsFlag = try optionalBool(&c)
            case "canAccessAllApisFlag": try seen.once(4); login.canAccessAllApisFlag = try optionalBool(&c)
            case "member": try seen.once(5); login.member = try optional(&c, memberReference)
            default: throw Mismatch()
            }
        }
        guard let id, let username else { throw Mismatch() }
        login.id = id
        login.username = username
        return login
    }

    private static func scanner(_ c: inout JSONCursor) throws(Mismatch) -> ScannerSecurity {
        var member: MemberReference?, settings: [RoleSetting]?
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "member": try seen.once(0); member = try optional(&c, memberReference)
            case "settings": try seen.once(1); settings = try list(&c, setting)
            default: throw Mismatch()
            }
        }
        guard let settings else { throw Mismatch() }
        return ScannerSecurity(member: member, settings: settings)
    }

    private static func gap(_ c: inout JSONCursor) throws(Mismatch) -> ReadGap {
        var area: DataArea?, endpoint: String?, detail: String?, status: Int?, roleId: Int?
        var seen = Seen()
        try c.object { (c, key) throws(Mismatch) in
            switch key {
            case "area": try seen.once(0); area = DataArea(rawValue: try c.string())
                guard area != nil else { throw Mismatch() }
            case "endpoint": try seen.once(1); endpoint = try c.string()
            case "detail": try seen.once(2); detail = try c.string()
            case "status": try seen.once(3); status = try optionalInt(&c)
            case "roleId": try seen.once(4); roleId = try optionalInt(&c)
            default: throw Mismatch()
            }
        }
        guard let area, let endpoint, let detail else { throw Mismatch() }
        return ReadGap(area: area, endpoint: endpoint, status: status, roleId: roleId, detail: detail)
    }
}
