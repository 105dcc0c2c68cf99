import Foundation

/// The built-in evaluators a rule file can name in `check`. A rule pack may define new rule ids
/// that reuse these checks with other parameters; an unknown `check` is a load error.
public enum RuleCheck: String, Sendable, CaseIterable, Codable {
    /// Active API member whose role is Admin by name or `adminFlag`.
    case adminRole = "admin-role"
    /// Active API member whose non-Admin role grants `All` on at least `threshold` of its rows.
    case adminEquivalentRole = "admin-equivalent-role"
    /// Active API member with keys of two or more tools whose role exceeds the union of their profiles.
    case sharedMemberOverbroadRole = "shared-member-overbroad-role"
    /// Active API member with keys of exactly one tool whose role exceeds that tool's profile.
    case singleToolOverbroadRole = "single-tool-overbroad-role"
    /// Active API member holding keys of two or more tools.
    case sharedMember = "shared-member"
    /// Registered key whose member is missing or inactive, whose tool is retired, or that is a duplicate.
    case orphanedKey = "orphaned-key"
    /// Active API member with no key in the register.
    case unregisteredMember = "unregistered-member"
    /// Non-retired key of an active member older than `maxAgeDays`.
    case staleKey = "stale-key"
    /// Active integrator login with all-APIs or all-records access.
    case integratorAllAccess = "integrator-all-access"
    /// The scanner's own role grants add, edit or delete anywhere.
    case scannerReadOnly = "scanner-read-only"
    /// Active API member whose non-Admin role grants a listed op on a listed (sensitive) function.
    case sensitiveGrant = "sensitive-grant"

    /// Parameter names this check accepts (anything else in `parameters` is a load error).
    public var parameterNames: [String] {
        switch self {
        case .adminRole: ["adminRoleNames"]
        case .adminEquivalentRole: ["adminRoleNames", "threshold"]
        case .staleKey: ["maxAgeDays"]
        case .sensitiveGrant: ["functions", "ops", "adminRoleNames"]
        default: []
        }
    }

    /// True for checks that need the key register (not evaluated without one).
    public var needsRegister: Bool {
        switch self {
        case .sharedMemberOverbroadRole, .singleToolOverbroadRole, .sharedMember, .orphanedKey,
             .unregisteredMember, .staleKey: true
        default: false
        }
    }
}
