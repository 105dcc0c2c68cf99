import Foundation

/// A read that failed, kept in the snapshot so every report can say what is missing.
public struct ReadGap: Codable, Sendable, Equatable {
    /// Which part of the tenant is missing.
    public var area: DataArea
    /// The endpoint path that failed, e.g. `/system/securityRoles/7/settings`.
    public var endpoint: String
    /// The HTTP status, when the server answered; nil for transport errors and bad data.
    public var status: Int?
    /// For `.roleSettings`: the role whose settings are missing.
    public var roleId: Int?
    /// A one-line explanation without secrets, e.g. `403 Forbidden: the scanner's role may not read security roles`.
    public var detail: String

    /// Creates a gap.
    public init(area: DataArea, endpoint: String, status: Int?, roleId: Int? = nil, detail: String) {
        self.area = area
        self.endpoint = endpoint
        self.status = status
        self.roleId = roleId
        self.detail = detail
    }
}

extension ReadGap {
    /// The field table: one row per stored property, in declaration order (``SnapshotField``).
    /// Adding a field starts here; `SnapshotFieldTableTests` names every other place it must go.
    static let snapshotFields: [SnapshotField] = [
        // Made by the reader, never read from the API.
        SnapshotField("area", .string, required: true, request: .notRequested),
        SnapshotField("endpoint", .string, required: true, request: .notRequested),
        SnapshotField("status", .int, request: .notRequested),
        SnapshotField("roleId", .int, request: .notRequested),
        SnapshotField("detail", .string, required: true, request: .notRequested),
    ]
}
