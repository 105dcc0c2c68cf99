import AuditRules

/// One line of text for a change in the PSA since the baseline, for the chat notifications
/// (the webhook envelope carries the change entries themselves).
enum ChangeLine {
    /// E.g. `API member svc-backup: roleChanged (Backup → Admin)` or
    /// `Role "Email": Companies / Contacts edit: None → All (members: svc-mail)`.
    static func text(_ change: SnapshotChange) -> String {
        let line: String
        switch change.kind {
        case .apiMember:
            line = "API member \(value(change["identifier"])): \(value(change["change"]))" + transition(change)
        case .integratorLogin:
            line = "Integrator login \(value(change["username"])): \(value(change["change"]))" + transition(change)
        case .rolePermission:
            var members = ""
            if case .list(let items) = change["members"], !items.isEmpty { members = value(.list(items)) }
            line = "Role \(value(change["roleName"])): \(permission(change))"
                + (members.isEmpty ? "" : " (API members: \(members))")
        case .scannerPermission:
            line = "The scanner's own role: \(permission(change))"
        }
        return NotificationDigest.clip(line)
    }

    /// `Module / Function op: from → to`.
    private static func permission(_ change: SnapshotChange) -> String {
        "\(value(change["module"])) / \(value(change["function"])) \(value(change["op"])): "
            + "\(value(change["from"])) → \(value(change["to"]))"
    }

    /// ` (from → to)` when the change has both sides, else empty.
    private static func transition(_ change: SnapshotChange) -> String {
        if case .null = change["from"], case .null = change["to"] { return "" }
        return " (\(value(change["from"])) → \(value(change["to"])))"
    }

    /// A field as plain text: strings as they are, lists comma-separated, objects `key=value`.
    private static func value(_ value: EvidenceValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "yes" : "no"
        case .null: "none"
        case .list(let items): items.map { Self.value($0) }.joined(separator: ", ")
        case .object(let fields): fields.map { "\($0.key)=\(Self.value($0.value))" }.joined(separator: " ")
        }
    }
}
