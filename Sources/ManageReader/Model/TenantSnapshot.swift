import Foundation

/// Everything the audit rules need from one ConnectWise Manage tenant, read at one moment.
///
/// A snapshot holds PSA data only: the key register, rule packs and waivers are inputs of each
/// scan, never part of the snapshot. What could not be read is listed in `gaps`; a collection
/// whose read failed is kept as read so far and its gap makes the scan incomplete.
public struct TenantSnapshot: Codable, Sendable, Equatable {
    /// The snapshot file format this build writes and reads.
    public static let currentSchemaVersion = 1

    /// The `format` value that marks a snapshot file (a report says `v360audit-report`), so a
    /// `--baseline` file can be told apart from a report.
    public static let formatName = "v360audit-snapshot"
    /// What the file is: ``formatName``. Files written before the field existed have none.
    public var format: String?
    /// Format version of the snapshot file; files with another version are refused.
    public var schemaVersion: Int
    /// Where and when the data was read.
    public var source: SnapshotSource
    /// Every member from `/system/members` (full, API and other license classes).
    public var members: [Member]
    /// Every record of `/system/apiMembers`.
    public var apiMembers: [APIMember]
    /// Every security role from `/system/securityroles`, each with its settings rows.
    public var securityRoles: [SecurityRole]
    /// Legacy integrator logins from `/system/integratorlogins`.
    public var integratorLogins: [IntegratorLogin]
    /// The scanner's own effective permissions from `/system/mySecurity`; nil when not read.
    public var scanner: ScannerSecurity?
    /// Reads that failed, in the order they were attempted; empty for a complete snapshot.
    public var gaps: [ReadGap]

    /// Creates a snapshot; `schemaVersion` defaults to the current format.
    public init(
        schemaVersion: Int = TenantSnapshot.currentSchemaVersion,
        source: SnapshotSource,
        members: [Member] = [],
        apiMembers: [APIMember] = [],
        securityRoles: [SecurityRole] = [],
        integratorLogins: [IntegratorLogin] = [],
        scanner: ScannerSecurity? = nil,
        gaps: [ReadGap] = []
    ) {
        self.format = TenantSnapshot.formatName
        self.schemaVersion = schemaVersion
        self.source = source
        self.members = members
        self.apiMembers = apiMembers
        self.securityRoles = securityRoles
        self.integratorLogins = integratorLogins
        self.scanner = scanner
        self.gaps = gaps
    }

    /// True when every read succeeded.
    public var isComplete: Bool { gaps.isEmpty }

    /// The gaps recorded for one area (for `.roleSettings`, optionally one role).
    public func gaps(in area: DataArea, roleId: Int? = nil) -> [ReadGap] {
        gaps.filter { $0.area == area && (roleId == nil || $0.roleId == roleId) }
    }
}

extension TenantSnapshot {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        // The file's top level: lists and objects the reader assembles, none a `fields=` entry.
        SnapshotField("format", .string, request: .notRequested),
        SnapshotField("schemaVersion", .int, required: true, request: .notRequested),
        SnapshotField("source", .object(SnapshotSource.snapshotFields), required: true, request: .notRequested),
        SnapshotField("members", .list(Member.snapshotFields), required: true, request: .notRequested),
        SnapshotField("apiMembers", .list(APIMember.snapshotFields), required: true, request: .notRequested),
        SnapshotField("securityRoles", .list(SecurityRole.snapshotFields), required: true, request: .notRequested),
        SnapshotField("integratorLogins", .list(IntegratorLogin.snapshotFields), required: true, request: .notRequested),
        SnapshotField("scanner", .object(ScannerSecurity.snapshotFields), request: .notRequested),
        SnapshotField("gaps", .list(ReadGap.snapshotFields), required: true, request: .notRequested),
    ]
}
