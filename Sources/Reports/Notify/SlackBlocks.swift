/// The Block Kit pieces both Slack payloads (one scan's ``SlackMessage``, a fleet's
/// ``FleetSlackMessage``) are made of, and the limits they keep: at most ``blockLimit`` blocks and
/// ``sectionLimit`` characters in a section's text.
///
/// Callers pass `mrkdwn` text whose tenant data is already escaped with ``SlackText/escape(_:)``;
/// ``list(_:_:limit:more:)`` escapes its rows itself, since rows are where tenant data is.
package enum SlackBlocks {
    /// Slack's limit on a section block's text.
    package static let sectionLimit = 3_000
    /// Slack's limit on blocks per message.
    package static let blockLimit = 50

    /// A `header` block (plain text: this tool's words).
    package static func header(_ text: String) -> NotifyJSON {
        .object([("type", .string("header")), ("text", .object([("type", .string("plain_text")), ("text", .string(text))]))])
    }

    /// A `section` block of `mrkdwn` text.
    package static func section(_ mrkdwn: String) -> NotifyJSON {
        .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(mrkdwn))]))])
    }

    /// A `context` block (small grey text) of `mrkdwn` text.
    package static func context(_ mrkdwn: String) -> NotifyJSON {
        .object([("type", .string("context")),
                 ("elements", .array([.object([("type", .string("mrkdwn")), ("text", .string(mrkdwn))])]))])
    }

    /// A `divider` block.
    package static let divider: NotifyJSON = .object([("type", .string("divider"))])

    /// `*Heading* (N)` and one bullet per row (escaped), at most `limit` rows and as many as fit
    /// the section limit, then `… and N <more>` for the rest.
    package static func list(_ heading: String, _ rows: [String], limit: Int, more: String = "more in the report.") -> String {
        var text = "*\(heading)* (\(rows.count))"
        if rows.isEmpty { return text + "\nNone." }
        var shown = 0
        for row in rows.prefix(limit) {
            let line = "\n• " + SlackText.escape(row)
            // Room is kept for the closing "and N more" line.
            guard SlackText.length(text) + SlackText.length(line) <= sectionLimit - 60 else { break }
            text += line
            shown += 1
        }
        if shown < rows.count { text += "\n… and \(rows.count - shown) \(more)" }
        return text
    }

    /// Where the reports are: a section holding a link for an http(s) `--report-url`, else a
    /// context line with the URL or the report paths as text; nil when there is neither.
    package static func reports(url: String?, files: [String]) -> NotifyJSON? {
        if let link = url.flatMap({ SlackText.link($0, label: "Open the report") }) { return section(link) }
        guard let location = url.map({ [$0] }) ?? (files.isEmpty ? nil : files) else { return nil }
        return context(SlackText.escape(NotificationDigest.clip("Reports: " + location.joined(separator: ", "), limit: 500)))
    }
}
