import Foundation

/// The scanner's own effective permissions, read from `/system/mySecurity`.
public struct ScannerSecurity: Codable, Sendable, Equatable {
    /// The member the scanner's key belongs to (from the rows' `member` reference).
    public var member: MemberReference?
    /// The calling member's settings rows.
    public var settings: [RoleSetting]

    /// Creates the scanner's security description.
    public init(member: MemberReference?, settings: [RoleSetting]) {
        self.member = member
        self.settings = settings
    }
}
