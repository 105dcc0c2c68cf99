import Foundation

/// The parts of a tenant a snapshot reads; used to say what a failed read left out.
public enum DataArea: String, Codable, Sendable, CaseIterable, Comparable {
    case companyInfo, members, apiMembers, securityRoles, roleSettings, integratorLogins, mySecurity

    /// Declaration order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
