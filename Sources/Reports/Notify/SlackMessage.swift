import AuditRules

/// The Slack incoming-webhook payload: `text` (the notification and fallback) plus Block Kit
/// `blocks` with the same content.
///
/// Slack allows at most 50 blocks and 3,000 characters in a section's text; this message uses a
/// handful of blocks and fills each list's section only up to the limit (``SlackBlocks``), ending
/// it with an "and N more" line. Every piece of tenant data passes through ``SlackText/escape(_:)``.
package enum SlackMessage {
    /// Rows listed per section at most (then "and N more"), as in the Teams card.
    package static let rowsPerList = 10

    /// The JSON body to post.
    package static func payload(_ digest: NotificationDigest) -> [UInt8] {
        var blocks: [NotifyJSON] = [
            SlackBlocks.header("v360audit: \(digest.verdict.rawValue.uppercased())"),
            SlackBlocks.section(SlackText.escape(digest.headline) + "\n*Open findings:* \(digest.countsText)"
                                + (digest.waived > 0 ? ", \(digest.waived) waived" : "")),
            SlackBlocks.context(SlackText.escape(NotificationDigest.clip(
                "\(digest.site) · captured \(digest.capturedAtText) · source \(digest.source)"))),
        ]
        if digest.hasBaseline {
            blocks.append(SlackBlocks.divider)
            blocks.append(SlackBlocks.section(list("New since the baseline", digest.newFindings.map { NotificationDigest.line($0) })
                                              + "\n*Resolved since the baseline:* \(digest.resolved)"))
            if let changes = digest.changes {
                blocks.append(SlackBlocks.section(list("Changes in the PSA since the baseline", changes.map(ChangeLine.text))))
            }
        }
        blocks.append(SlackBlocks.divider)
        blocks.append(SlackBlocks.section(list("Top findings", digest.top.map { NotificationDigest.line($0, markNew: digest.hasBaseline) })))
        if let reports = SlackBlocks.reports(url: digest.reportURL, files: digest.reportFiles) { blocks.append(reports) }
        assert(blocks.count <= SlackBlocks.blockLimit)
        let text = SlackText.escape("v360audit \(digest.headline) Open findings: \(digest.countsText). Site: "
                                    + NotificationDigest.clip(digest.site))
        return NotifyJSON.object([("text", .string(text)), ("blocks", .array(blocks))]).bytes
    }

    /// `*Heading* (N)` and one bullet per row (escaped), as many as fit the section limit.
    package static func list(_ heading: String, _ rows: [String]) -> String {
        SlackBlocks.list(heading, rows, limit: rowsPerList)
    }
}
