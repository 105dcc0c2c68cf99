import AuditRules

/// The Slack incoming-webhook payload: `text` (the notification and fallback) plus Block Kit
/// `blocks` with the same content.
///
/// Slack allows at most 50 blocks and 3,000 characters in a section's text; this message uses a
/// handful of blocks and fills each list's section only up to ``sectionLimit``, ending it with an
/// "and N more" line. Every piece of tenant data passes through ``SlackText/escape(_:)``.
enum SlackMessage {
    /// Slack's limit on a section block's text.
    static let sectionLimit = 3_000
    /// Slack's limit on blocks per message.
    static let blockLimit = 50
    /// Rows listed per section at most (then "and N more"), as in the Teams card.
    static let rowsPerList = 10

    /// The JSON body to post.
    static func payload(_ digest: NotificationDigest) -> [UInt8] {
        var blocks: [NotifyJSON] = [
            .object([("type", .string("header")),
                     ("text", .object([("type", .string("plain_text")),
                                       ("text", .string("v360audit: \(digest.verdict.rawValue.uppercased())"))]))]),
            section(SlackText.escape(digest.headline) + "\n*Open findings:* \(digest.countsText)"
                    + (digest.waived > 0 ? ", \(digest.waived) waived" : "")),
            context(SlackText.escape(NotificationDigest.clip("\(digest.site) · captured \(digest.capturedAtText) · source \(digest.source)"))),
        ]
        if digest.hasBaseline {
            blocks.append(.object([("type", .string("divider"))]))
            blocks.append(section(list("New since the baseline", digest.newFindings.map { NotificationDigest.line($0) })
                                  + "\n*Resolved since the baseline:* \(digest.resolved)"))
            if let changes = digest.changes {
                blocks.append(section(list("Changes in the PSA since the baseline", changes.map(ChangeLine.text))))
            }
        }
        blocks.append(.object([("type", .string("divider"))]))
        blocks.append(section(list("Top findings", digest.top.map { NotificationDigest.line($0, markNew: digest.hasBaseline) })))
        if let link = digest.reportURL.flatMap({ SlackText.link($0, label: "Open the report") }) {
            blocks.append(section(link))
        } else if let location = digest.reportURL.map({ [$0] }) ?? (digest.reportFiles.isEmpty ? nil : digest.reportFiles) {
            blocks.append(context(SlackText.escape(NotificationDigest.clip("Reports: " + location.joined(separator: ", "),
                                                                           limit: 500))))
        }
        assert(blocks.count <= blockLimit)
        let text = SlackText.escape("v360audit \(digest.headline) Open findings: \(digest.countsText). Site: "
                                    + NotificationDigest.clip(digest.site))
        return NotifyJSON.object([("text", .string(text)), ("blocks", .array(blocks))]).bytes
    }

    /// `*Heading* (N)` and one bullet per row (escaped), as many as fit the section limit.
    static func list(_ heading: String, _ rows: [String]) -> String {
        var text = "*\(heading)* (\(rows.count))"
        if rows.isEmpty { return text + "\nNone." }
        var shown = 0
        for row in rows.prefix(rowsPerList) {
            let line = "\n• " + SlackText.escape(row)
            // Room is kept for the closing "and N more" line.
            guard SlackText.length(text) + SlackText.length(line) <= sectionLimit - 60 else { break }
            text += line
            shown += 1
        }
        if shown < rows.count { text += "\n… and \(rows.count - shown) more in the report." }
        return text
    }

    private static func section(_ mrkdwn: String) -> NotifyJSON {
        .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(mrkdwn))]))])
    }

    private static func context(_ mrkdwn: String) -> NotifyJSON {
        .object([("type", .string("context")),
                 ("elements", .array([.object([("type", .string("mrkdwn")), ("text", .string(mrkdwn))])]))])
    }
}
