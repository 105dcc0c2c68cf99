import Foundation
import ManageReader

/// What is known about a member's role.
enum RoleLookup {
    /// The member has no role reference.
    case none
    /// The role, from the role list.
    case role(SecurityRole)
    /// The role cannot be known: the role list failed, or the id is not in it.
    case problem(DataProblem)
}

extension AuditContext {
    /// Looks up a member's role by `securityRole.id`.
    func role(of member: MemberView) -> RoleLookup {
        guard let id = member.role?.id else { return .none }
        if let role = rolesById[id] { return .role(role) }
        if let gap = snapshot.gaps.first(where: { $0.area == .securityRoles }) {
            return .problem(DataProblem(endpoint: gap.endpoint, status: gap.status, detail: gap.detail))
        }
        return .problem(DataProblem(
            endpoint: "/system/securityroles", status: nil,
            detail: "role id \(id) of API member \(member.identifier) is not in the role list"))
    }

    /// A role's settings rows, or the read that failed.
    func settings(of role: SecurityRole) -> Result<[RoleSetting], DataProblemError> {
        if let rows = role.settings { return .success(rows) }
        let gap = snapshot.gaps.first { $0.area == .roleSettings && ($0.roleId == role.id || $0.roleId == nil) }
        return .failure(DataProblemError(problem: DataProblem(
            endpoint: gap?.endpoint ?? "/system/securityRoles/\(role.id)/settings", status: gap?.status,
            detail: gap?.detail ?? "the settings of role '\(role.name)' were not read")))
    }

    /// True when the role is Admin by name (per `parameters.adminRoleNames`) or by `adminFlag`.
    func isAdmin(_ role: SecurityRole, _ parameters: RuleParameters) -> Bool {
        role.adminFlag == true || parameters.isAdminName(role.name)
    }

    /// `{id, name, adminFlag}` of a role for evidence.
    func roleEvidence(_ role: SecurityRole) -> EvidenceValue { Self.roleEvidence(role) }

    /// `{id, name, adminFlag}` of a role for evidence.
    static func roleEvidence(_ role: SecurityRole) -> EvidenceValue {
        .object([EvidenceField("id", .int(role.id)), EvidenceField("name", .string(role.name)),
                 EvidenceField("adminFlag", role.adminFlag.map { .bool($0) } ?? .null)])
    }
}

/// Wraps a `DataProblem` so it can travel in a `Result`.
struct DataProblemError: Error {
    var problem: DataProblem
}
