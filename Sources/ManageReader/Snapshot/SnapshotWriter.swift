import Foundation
import Synchronization
import V360Core

/// Writes a snapshot's canonical bytes directly, each type's keys in sorted order: the same bytes
/// `JSONEncoder` gives with sorted keys and pretty printing (a test compares the two on generated
/// tenants), at a small fraction of its time and memory.
enum SnapshotWriter {
    /// The canonical encoding of `snapshot`, splicing in the `pieces` encoded during the read
    /// wherever the snapshot holds the value a piece was made from.
    static func encode(_ snapshot: TenantSnapshot, reusing pieces: SnapshotFragments.Pieces = .init()) -> [UInt8] {
        buffer(snapshot, reusing: pieces).joined
    }

    /// The canonical encoding as parts (the pieces and role elements are not copied into one array).
    static func parts(_ snapshot: TenantSnapshot, reusing pieces: SnapshotFragments.Pieces) -> [ArraySlice<UInt8>] {
        buffer(snapshot, reusing: pieces).parts
    }

    private static func buffer(_ snapshot: TenantSnapshot, reusing pieces: SnapshotFragments.Pieces) -> PrettyJSONBuffer {
        var out = head(snapshot, reusing: pieces)
        for (index, element) in roleElements(snapshot.securityRoles, pieces).enumerated() {
            // Every element is encoded as a later one: the first drops its separating comma.
            out.append(elements: index == 0 ? element.dropFirst() : element[...])
        }
        out.endArray()
        out.key("source")
        out.beginObject()
        out.member("apiVersion", snapshot.source.apiVersion)
        out.key("capturedAt")
        out.date(snapshot.source.capturedAt)
        out.member("codebase", snapshot.source.codebase)
        out.member("site", snapshot.source.site)
        out.endObject()
        out.endObject()
        return out
    }

    /// The canonical encoding up to the elements of `securityRoles`, its array open: the member
    /// lists, logins and the scanner.
    private static func head(_ snapshot: TenantSnapshot, reusing pieces: SnapshotFragments.Pieces) -> PrettyJSONBuffer {
        var out = PrettyJSONBuffer(capacity: 64 * 1024)
        out.beginObject()
        out.key("apiMembers")
        out.beginArray()
        if let piece = pieces.apiMembers, piece.value == snapshot.apiMembers {
            out.append(elements: piece.bytes[...])
            pieces.tally.reused()
        } else {
            if pieces.apiMembers != nil { pieces.tally.redone() }
            for member in snapshot.apiMembers { out.element(); write(member, &out) }
        }
        out.endArray()
        out.member("format", snapshot.format)
        out.key("gaps")
        out.beginArray()
        for gap in snapshot.gaps { out.element(); write(gap, &out) }
        out.endArray()
        out.key("integratorLogins")
        out.beginArray()
        for login in snapshot.integratorLogins { out.element(); write(login, &out) }
        out.endArray()
        out.key("members")
        out.beginArray()
        if let piece = pieces.members, piece.value == snapshot.members {
            out.append(elements: piece.bytes[...])
            pieces.tally.reused()
        } else {
            if pieces.members != nil { pieces.tally.redone() }
            for member in snapshot.members { out.element(); write(member, &out) }
        }
        out.endArray()
        if let scanner = snapshot.scanner {
            out.key("scanner")
            out.beginObject()
            if let member = scanner.member { out.key("member"); write(member, &out) }
            out.key("settings")
            write(scanner.settings, &out)
            out.endObject()
        }
        out.member("schemaVersion", snapshot.schemaVersion)
        out.key("securityRoles")
        out.beginArray()
        return out
    }

    /// Each role as a later element of `securityRoles` (nine-tenths of a large snapshot's bytes):
    /// the piece made during the read where the role is the one it was made from, the rest encoded
    /// on all cores.
    private static func roleElements(_ roles: [SecurityRole], _ pieces: SnapshotFragments.Pieces) -> [[UInt8]] {
        let elements = roles.concurrentMap { role -> (bytes: [UInt8], reused: Bool) in
            if let piece = pieces.roles[role.id], piece.role == role { return (piece.bytes, true) }
            return (laterElement(role), false)
        }
        let reused = elements.count { $0.reused }
        pieces.tally.reused(reused)
        // A role the read told with its settings and that is not taken is work done twice; one
        // whose settings could not be read was never told.
        pieces.tally.redone(roles.count { $0.settings != nil } - reused)
        return elements.map(\.bytes)
    }

    /// `role` as an element of the `securityRoles` array that follows another.
    static func laterElement(_ role: SecurityRole) -> [UInt8] {
        var out = PrettyJSONBuffer(fragmentAt: 2, first: false, capacity: 1024 + (role.settings?.count ?? 0) * 420)
        out.element()
        write(role, &out)
        return out.bytes
    }

    /// A non-empty members list as the elements of its array.
    static func elements(_ members: [Member]) -> [UInt8] {
        var out = PrettyJSONBuffer(fragmentAt: 2, first: true, capacity: members.count * 400)
        for member in members { out.element(); write(member, &out) }
        return out.bytes
    }

    /// A non-empty API members list as the elements of its array.
    static func elements(_ members: [APIMember]) -> [UInt8] {
        var out = PrettyJSONBuffer(fragmentAt: 2, first: true, capacity: members.count * 200)
        for member in members { out.element(); write(member, &out) }
        return out.bytes
    }

    private static func write(_ member: APIMember, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("id", member.id)
        out.member("identifier", member.identifier)
        out.member("inactiveFlag", member.inactiveFlag)
        out.member("name", member.name)
        if let role = member.securityRole { out.key("securityRole"); write(role, &out) }
        out.endObject()
    }

    private static func write(_ member: Member, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("adminFlag", member.adminFlag)
        out.member("firstName", member.firstName)
        out.member("id", member.id)
        out.member("identifier", member.identifier)
        out.member("inactiveFlag", member.inactiveFlag)
        if let info = member.info {
            out.key("info")
            out.beginObject()
            for key in info.keys.sorted() { out.member(key, info[key]) }
            out.endObject()
        }
        out.member("lastLogin", member.lastLogin)
        out.member("lastName", member.lastName)
        out.member("licenseClass", member.licenseClass)
        if let role = member.securityRole { out.key("securityRole"); write(role, &out) }
        out.endObject()
    }

    private static func write(_ role: RoleReference, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("id", role.id)
        out.member("name", role.name)
        out.endObject()
    }

    private static func write(_ member: MemberReference, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("id", member.id)
        out.member("identifier", member.identifier)
        out.member("name", member.name)
        out.endObject()
    }

    private static func write(_ gap: ReadGap, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("area", gap.area.rawValue)
        out.member("detail", gap.detail)
        out.member("endpoint", gap.endpoint)
        out.member("roleId", gap.roleId)
        out.member("status", gap.status)
        out.endObject()
    }

    private static func write(_ login: IntegratorLogin, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("canAccessAllApisFlag", login.canAccessAllApisFlag)
        out.member("canAccessAllRecordsFlag", login.canAccessAllRecordsFlag)
        out.member("id", login.id)
        out.member("inactiveFlag", login.inactiveFlag)
        if let member = login.member { out.key("member"); write(member, &out) }
        out.member("username", login.username)
        out.endObject()
    }

    private static func write(_ role: SecurityRole, _ out: inout PrettyJSONBuffer) {
        out.beginObject()
        out.member("adminFlag", role.adminFlag)
        out.member("id", role.id)
        out.member("inactiveFlag", role.inactiveFlag)
        out.member("name", role.name)
        out.member("roleType", role.roleType)
        if let settings = role.settings { out.key("settings"); write(settings, &out) }
        out.endObject()
    }

    private static func write(_ rows: [RoleSetting], _ out: inout PrettyJSONBuffer) {
        out.beginArray()
        for row in rows {
            out.element()
            out.beginObject()
            level("addLevel", row.addLevel, &out)
            level("deleteLevel", row.deleteLevel, &out)
            level("editLevel", row.editLevel, &out)
            out.member("id", row.id)
            level("inquireLevel", row.inquireLevel, &out)
            out.member("moduleDescription", row.moduleDescription)
            out.member("moduleFunctionDescription", row.moduleFunctionDescription)
            out.member("moduleFunctionIdentifier", row.moduleFunctionIdentifier)
            out.member("moduleFunctionName", row.moduleFunctionName)
            out.member("moduleIdentifier", row.moduleIdentifier)
            out.member("moduleName", row.moduleName)
            out.endObject()
        }
        out.endArray()
    }

    /// A level is always written, as its raw string or `null` (``PermissionLevel``'s encoding).
    private static func level(_ name: String, _ level: PermissionLevel, _ out: inout PrettyJSONBuffer) {
        out.key(name)
        if let raw = level.raw { out.string(raw) } else { out.null() }
    }
}
