import Foundation

/// The result of `v360audit doctor`: can the scanner reach the PSA, log in, and is its own key read-only?
public struct DoctorReport: Sendable, Equatable {
    /// One add/edit/delete grant of the scanner's own role.
    public struct Grant: Sendable, Equatable {
        /// Module name (or identifier).
        public var module: String
        /// Function name (or identifier).
        public var function: String
        /// The operation granted.
        public var operation: PermissionOperation
        /// The level as the API returned it.
        public var level: String

        /// Creates a grant line.
        public init(module: String, function: String, operation: PermissionOperation, level: String) {
            self.module = module
            self.function = function
            self.operation = operation
            self.level = level
        }
    }

    /// The API host checked.
    public var site: String
    /// True when `/login/companyinfo` answered.
    public var reachable: Bool
    /// Why no HTTP answer came (cannot resolve, cannot connect, certificate not trusted, proxy…), if so.
    public var connectionFailure: TransportFailure?
    /// The codebase in use (from company info, or the `v4_6_release/` fallback).
    public var codebase: String?
    /// `CompanyName` from company info.
    public var companyName: String?
    /// True when the credentials were accepted; nil when that could not be checked.
    public var authenticated: Bool?
    /// The member the scanner's key belongs to.
    public var scannerMember: MemberReference?
    /// Every add, edit or delete grant of the scanner's own role (a read-only key has none).
    public var writeGrants: [Grant]
    /// What is wrong, one line each, without secrets; empty when all is well.
    public var problems: [String]

    /// Creates a report.
    public init(site: String, reachable: Bool = false, codebase: String? = nil, companyName: String? = nil,
                authenticated: Bool? = nil, scannerMember: MemberReference? = nil, writeGrants: [Grant] = [],
                problems: [String] = [], connectionFailure: TransportFailure? = nil) {
        self.site = site
        self.reachable = reachable
        self.connectionFailure = connectionFailure
        self.codebase = codebase
        self.companyName = companyName
        self.authenticated = authenticated
        self.scannerMember = scannerMember
        self.writeGrants = writeGrants
        self.problems = problems
    }

    /// True when the PSA is reachable, the key authenticates, and nothing is wrong.
    public var isHealthy: Bool { reachable && authenticated == true && problems.isEmpty }
}
