/// Where a notification goes: the three channel kinds of `--notify KIND:VARIABLE`.
enum NotificationKind: String, Sendable, CaseIterable {
    /// A Microsoft Teams Workflows webhook ("When a Teams webhook request is received"): an Adaptive Card.
    case teams
    /// A Slack incoming webhook: `text` plus Block Kit `blocks`.
    case slack
    /// Any HTTPS endpoint: the versioned JSON envelope, optionally signed (Standard Webhooks).
    case webhook
}
