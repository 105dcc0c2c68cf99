import AuditRules

/// The Microsoft Teams payload: a message with one Adaptive Card 1.5 attachment, as a Teams
/// Workflows webhook ("When a Teams webhook request is received") posts it to a channel.
///
/// Tenant data (the site, finding messages, member and role names) only ever goes into
/// `RichTextBlock` text runs, which Adaptive Cards never read as Markdown: a member named
/// `[click](https://evil)` or `**x**` shows as typed. `TextBlock`s (which do read Markdown) hold
/// this tool's own words and numbers only (the builders are ``AdaptiveCard``'s).
///
/// Teams refuses messages over 28 KB; the card is kept to ``byteBudget`` by showing fewer rows,
/// each trimmed list ending with an "and N more" line.
package enum TeamsCard {
    /// The largest payload built, in bytes of the UTF-8 JSON.
    package static let byteBudget = AdaptiveCard.byteBudget
    /// Rows shown per list before trimming.
    package static let rowsPerList = 10

    /// The JSON body to post.
    package static func payload(_ digest: NotificationDigest) -> [UInt8] {
        var sections: [AdaptiveCard.Section] = []
        if digest.hasBaseline {
            sections.append(.init(heading: "New since the baseline (\(digest.newFindings.count))",
                                  rows: digest.newFindings.map { findingRow($0, markNew: false) }, limit: rowsPerList))
            if let changes = digest.changes {
                sections.append(.init(heading: "Changes in the PSA since the baseline (\(changes.count))",
                                      rows: changes.map { [AdaptiveCard.textRun(ChangeLine.text($0))] }, limit: rowsPerList))
            }
        }
        sections.append(.init(heading: "Top findings", rows: digest.top.map { findingRow($0, markNew: digest.hasBaseline) },
                              limit: rowsPerList))
        return AdaptiveCard.fit(sections) { message(digest, $0) }
    }

    private static func message(_ digest: NotificationDigest, _ sections: [AdaptiveCard.Section]) -> NotifyJSON {
        let head: [NotifyJSON] = [
            AdaptiveCard.title("v360audit: \(digest.verdict.rawValue.uppercased())", color: AdaptiveCard.color(digest.verdict)),
            AdaptiveCard.textBlock(digest.headline),
            AdaptiveCard.richText([AdaptiveCard.textRun(
                NotificationDigest.clip("\(digest.site) · captured \(digest.capturedAtText) · source \(digest.source)"),
                extra: [("isSubtle", .bool(true))])]),
            AdaptiveCard.facts(facts(digest)),
        ]
        return AdaptiveCard.message(head: head, sections: sections, fallbackText: "v360audit: " + digest.headline, reportURL: digest.reportURL,
                                    reportFiles: digest.reportFiles)
    }

    private static func facts(_ digest: NotificationDigest) -> [(title: String, count: Int)] {
        var facts = digest.bySeverity.map { (title: $0.severity.rawValue.capitalized, count: $0.count) }
        facts.append(("Waived", digest.waived))
        if digest.hasBaseline {
            facts.append(("New since the baseline", digest.newFindings.count))
            facts.append(("Resolved since the baseline", digest.resolved))
            if let changes = digest.changes { facts.append(("Changes in the PSA", changes.count)) }
        }
        return facts
    }

    /// A finding as two runs: the severity in bold (coloured for high and above), then the line.
    private static func findingRow(_ finding: Finding, markNew: Bool) -> [NotifyJSON] {
        let line = NotificationDigest.line(finding, markNew: markNew)
        let severity = finding.severity.rawValue.uppercased()
        return [AdaptiveCard.severityRun(severity, rank: finding.severity), AdaptiveCard.textRun(String(line.dropFirst(severity.count)))]
    }
}
