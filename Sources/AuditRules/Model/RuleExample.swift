import Foundation
import ManageReader

/// One example of a rule file: a small tenant fragment (and optionally a register fragment) on
/// which the rule must pass, or must produce a finding for `expectedResource`.
///
/// Fragment format (compact YAML; every list optional):
/// ```yaml
/// - name: API member on the Admin role
///   capturedAt: 2026-11-01            # default 2026-11-01
///   members:    [{id: 10, identifier: V360API, licenseClass: A, role: 1, inactive: false, name: …}]
///   apiMembers: [{id: 10, identifier: V360API, role: 1, inactive: false, name: …}]
///   roles:
///     - id: 1
///       name: Admin
///       adminFlag: false
///       settings:                     # [module, function, inquire, add, edit, delete]; ~ = null
///         - [Service Desk, Service Tickets, All, All, All, None]
///   integratorLogins: [{id: 1, username: legacy, inactive: false, allApis: true, allRecords: false}]
///   scanner: {member: SCANNER, settings: [[System, Member Maintenance, All, None, None, None]]}
///   register: [{member: V360API, description: Email reConnector, tool: email-reconnector, created: 2025-01-01}]
///   finding: V360API                  # failing only: resource identifier, `member/key description` for keys
/// ```
public struct RuleExample: Sendable {
    /// Short label.
    public var name: String
    /// The tenant fragment as a snapshot.
    public var snapshot: TenantSnapshot
    /// The register fragment; nil when the example has no `register`.
    public var register: KeyRegister?
    /// For failing examples: the resource the finding must be about (`identifier` or `member/key`).
    public var expectedResource: String?
    /// Line of the example in its rule file.
    public var line: Int?

    /// Creates an example.
    public init(name: String, snapshot: TenantSnapshot, register: KeyRegister?, expectedResource: String?, line: Int?) {
        self.name = name
        self.snapshot = snapshot
        self.register = register
        self.expectedResource = expectedResource
        self.line = line
    }
}
