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

extension ScannerSecurity {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        // `/system/mySecurity` rows are settings rows, each naming the calling member.
        SnapshotField("member", .object(MemberReference.snapshotFields)),
        SnapshotField("settings", .list(RoleSetting.snapshotFields), required: true, request: .notRequested),
    ]
}
