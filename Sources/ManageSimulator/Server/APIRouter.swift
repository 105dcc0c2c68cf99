/// Maps an authenticated API path (after `/{codebase}/apis/3.0`) to the fixture's data.
///
/// Paths are matched case-insensitively (the reference leaves the real server's behaviour
/// UNCERTAIN; being lenient here keeps the reader honest only about the spec spelling, which the
/// request log shows). Besides the endpoints the reader uses, `/count` and `/{id}` exist for the
/// member, API member and role collections.
struct APIRouter: Sendable {
    let fixture: TenantFixture

    func respond(apiPath: String, list: ListResponder) -> SimulatorResponse {
        let parts = apiPath.lowercased().split(separator: "/").map(String.init)
        switch parts.count {
        case 2 where parts == ["system", "info"]:
            return .json(fixture.systemInfo)
        case 2 where parts == ["system", "mysecurity"]:
            return list.respond(items: fixture.mySecurityRows)
        case 2, 3, 4, 5:
            break
        default:
            return notFound(apiPath)
        }
        guard parts[0] == "system" else { return notFound(apiPath) }
        if parts.count == 4 || (parts.count == 5 && parts[4] == "count") {
            return settings(parts: parts, apiPath: apiPath, list: list)
        }
        guard let items = collection(parts[1]) else { return notFound(apiPath) }
        if parts.count == 2 { return list.respond(items: items) }
        if parts.count == 3 && parts[2] == "count" {
            switch list.filtered(items) {
            case .success(let matching): return .json(["count": .int(matching.count)])
            case .failure(let failure): return failure.response
            }
        }
        if parts.count == 3, let id = Int(parts[2]) {
            guard let item = items.first(where: { $0["id"]?.intValue == id }) else {
                return .error(404, code: "NotFound", message: "\(parts[1]) with id \(id) was not found")
            }
            return .json(list.query["fields"].flatMap(FieldSelection.init)?.apply(to: item) ?? item)
        }
        return notFound(apiPath)
    }

    private func collection(_ name: String) -> [JSONValue]? {
        switch name {
        case "members": fixture.members
        case "apimembers": fixture.apiMembers
        case "securityroles": fixture.securityRoles
        case "integratorlogins": fixture.integratorLogins
        default: nil
        }
    }

    /// `/system/securityRoles/{id}/settings` (and its `/count`).
    private func settings(parts: [String], apiPath: String, list: ListResponder) -> SimulatorResponse {
        guard parts[1] == "securityroles", parts[3] == "settings" else { return notFound(apiPath) }
        guard let roleId = Int(parts[2]), fixture.hasRole(roleId) else {
            return .error(404, code: "NotFound", message: "Security role \(parts[2]) was not found")
        }
        let rows = fixture.roleSettings[roleId] ?? []
        if parts.count == 5 {
            switch list.filtered(rows) {
            case .success(let matching): return .json(["count": .int(matching.count)])
            case .failure(let failure): return failure.response
            }
        }
        return list.respond(items: rows)
    }

    private func notFound(_ apiPath: String) -> SimulatorResponse {
        .error(404, code: "NotFound", message: "The resource \(apiPath) was not found")
    }
}
