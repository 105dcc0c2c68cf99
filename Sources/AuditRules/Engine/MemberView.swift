import Foundation
import ManageReader

/// One API member after joining `/system/members` and `/system/apiMembers`: the members record
/// wins for identifier, name, `inactiveFlag` and `securityRole` where both exist.
struct MemberView: Sendable, Equatable {
    /// Record id.
    var id: Int
    /// Member identifier.
    var identifier: String
    /// Display name.
    var name: String?
    /// `inactiveFlag` null or absent means active.
    var active: Bool
    /// The member's role reference.
    var role: RoleReference?

    /// `{kind: member, id, identifier, name}`.
    var resource: ResourceRef { ResourceRef(kind: .member, id: id, identifier: identifier, name: name) }

    /// Lowercased identifier, the register join key.
    var key: String { identifier.lowercased() }

    /// Builds the API-member set: license class `A` members plus every `/system/apiMembers` record,
    /// joined on id, falling back to identifier (case-insensitive) only where no id matches.
    static func join(members: [Member], apiMembers: [APIMember]) -> [MemberView] {
        var byId: [Int: Int] = [:]
        var byIdentifier: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            if byId[member.id] == nil { byId[member.id] = index }
            let key = member.identifier.lowercased()
            if byIdentifier[key] == nil { byIdentifier[key] = index }
        }
        var included = Set<Int>()
        var views: [MemberView] = []
        var extraName: [Int: String] = [:]
        for api in apiMembers {
            let index = byId[api.id] ?? byIdentifier[api.identifier.lowercased()]
            if let index {
                included.insert(index)
                if let name = api.name { extraName[index] = extraName[index] ?? name }
            } else {
                views.append(MemberView(id: api.id, identifier: api.identifier, name: api.name,
                                        active: api.isActive, role: api.securityRole))
            }
        }
        for (index, member) in members.enumerated() where member.isAPILicense || included.contains(index) {
            views.append(MemberView(id: member.id, identifier: member.identifier,
                                    name: member.displayName ?? extraName[index],
                                    active: member.isActive, role: member.securityRole))
        }
        return views.sorted { $0.resource < $1.resource }
    }
}
