import AuditRules

/// The Microsoft Teams payload: a message with one Adaptive Card 1.5 attachment, as a Teams
/// Workflows webhook ("When a Teams webhook request is received") posts it to a channel.
///
/// Tenant data (the site, finding messages, member and role names) only ever goes into
/// `RichTextBlock` text runs, which Adaptive Cards never read as Markdown: a member named
/// `[click](https://evil)` or `**x**` shows as typed. `TextBlock`s (which do read Markdown) hold
/// this tool's own words and numbers only.
///
/// Teams refuses messages over 28 KB; the card is kept to ``byteBudget`` by showing fewer rows,
/// each trimmed list ending with an "and N more" line.
enum TeamsCard {
    /// The largest payload built, in bytes of the UTF-8 JSON.
    static let byteBudget = 20_000
    /// Rows shown per list before trimming.
    static let rowsPerList = 10

    /// One list of rows: a heading, the rows, how many are shown.
    private struct Section {
        var heading: String
        var rows: [[NotifyJSON]]
        var shown: Int
    }

    /// The JSON body to post.
    static func payload(_ digest: NotificationDigest) -> [UInt8] {
        var sections: [Section] = []
        if digest.hasBaseline {
            sections.append(Section(heading: "New since the baseline (\(digest.newFindings.count))",
                                    rows: digest.newFindings.map { findingRow($0, markNew: false) }, shown: 0))
            if let changes = digest.changes {
                sections.append(Section(heading: "Changes in the PSA since the baseline (\(changes.count))",
                                        rows: changes.map { [textRun(ChangeLine.text($0))] }, shown: 0))
            }
        }
        sections.append(Section(heading: "Top findings", rows: digest.top.map { findingRow($0, markNew: digest.hasBaseline) },
                                shown: 0))
        for index in sections.indices { sections[index].shown = min(rowsPerList, sections[index].rows.count) }
        var bytes = message(digest, sections).bytes
        // Drop a row from the longest shown list until the card fits; the fixed part is small
        // (every tenant string in it is clipped), so this ends well before every list is empty.
        while bytes.count > byteBudget,
              let longest = sections.indices.filter({ sections[$0].shown > 0 }).max(by: { sections[$0].shown < sections[$1].shown }) {
            sections[longest].shown -= 1
            bytes = message(digest, sections).bytes
        }
        return bytes
    }

    private static func message(_ digest: NotificationDigest, _ sections: [Section]) -> NotifyJSON {
        let attachment: NotifyJSON = .object([
            ("contentType", .string("application/vnd.microsoft.card.adaptive")),
            ("contentUrl", .null),
            ("content", card(digest, sections)),
        ])
        return .object([("type", .string("message")), ("attachments", .array([attachment]))])
    }

    private static func card(_ digest: NotificationDigest, _ sections: [Section]) -> NotifyJSON {
        let color = switch digest.verdict {
        case .passed: "good"
        case .failed: "attention"
        case .incomplete: "warning"
        }
        var body: [NotifyJSON] = [
            textBlock("v360audit: \(digest.verdict.rawValue.uppercased())", extra: [("size", .string("large")),
                      ("weight", .string("bolder")), ("color", .string(color))]),
            textBlock(digest.headline),
            richText([textRun(NotificationDigest.clip("\(digest.site) · captured \(digest.capturedAtText) · source \(digest.source)"),
                              extra: [("isSubtle", .bool(true))])]),
            .object([("type", .string("FactSet")), ("facts", .array(facts(digest)))]),
        ]
        for section in sections {
            body.append(textBlock(section.heading, extra: [("weight", .string("bolder")), ("separator", .bool(true))]))
            if section.rows.isEmpty { body.append(textBlock("None.", extra: [("isSubtle", .bool(true))])) }
            for row in section.rows.prefix(section.shown) { body.append(richText(row)) }
            if section.shown < section.rows.count {
                body.append(textBlock("… and \(section.rows.count - section.shown) more in the report.",
                                      extra: [("isSubtle", .bool(true))]))
            }
        }
        var fields: [(key: String, value: NotifyJSON)] = [
            ("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
            ("type", .string("AdaptiveCard")),
            ("version", .string("1.5")),
            ("fallbackText", .string("v360audit: " + digest.headline)),
        ]
        if let url = digest.openableReportURL {
            fields.append(("body", .array(body)))
            fields.append(("actions", .array([.object([("type", .string("Action.OpenUrl")),
                                                        ("title", .string("Open the report")), ("url", .string(url))])])))
        } else {
            let location = digest.reportURL.map { [$0] } ?? digest.reportFiles
            if !location.isEmpty {
                body.append(richText([textRun(NotificationDigest.clip("Reports: " + location.joined(separator: ", "), limit: 1_000),
                                              extra: [("isSubtle", .bool(true))])]))
            }
            fields.append(("body", .array(body)))
        }
        return .object(fields)
    }

    private static func facts(_ digest: NotificationDigest) -> [NotifyJSON] {
        var facts = digest.bySeverity.map { fact($0.severity.rawValue.capitalized, $0.count) }
        facts.append(fact("Waived", digest.waived))
        if digest.hasBaseline {
            facts.append(fact("New since the baseline", digest.newFindings.count))
            facts.append(fact("Resolved since the baseline", digest.resolved))
            if let changes = digest.changes { facts.append(fact("Changes in the PSA", changes.count)) }
        }
        return facts
    }

    private static func fact(_ title: String, _ count: Int) -> NotifyJSON {
        .object([("title", .string(title)), ("value", .string(String(count)))])
    }

    /// A finding as two runs: the severity in bold (coloured for high and above), then the line.
    private static func findingRow(_ finding: Finding, markNew: Bool) -> [NotifyJSON] {
        let color = finding.severity >= .high ? "attention" : finding.severity == .medium ? "warning" : "default"
        let line = NotificationDigest.line(finding, markNew: markNew)
        let severity = finding.severity.rawValue.uppercased()
        return [textRun(severity, extra: [("weight", .string("bolder")), ("color", .string(color))]),
                textRun(String(line.dropFirst(severity.count)))]
    }

    /// A `TextBlock` (Markdown is read: this tool's own words only), wrapping.
    private static func textBlock(_ text: String, extra: [(key: String, value: NotifyJSON)] = []) -> NotifyJSON {
        .object([("type", .string("TextBlock")), ("text", .string(text)), ("wrap", .bool(true))] + extra)
    }

    /// A `RichTextBlock` of text runs: where tenant data goes.
    private static func richText(_ inlines: [NotifyJSON]) -> NotifyJSON {
        .object([("type", .string("RichTextBlock")), ("inlines", .array(inlines))])
    }

    /// A `TextRun`: plain text, never Markdown.
    private static func textRun(_ text: String, extra: [(key: String, value: NotifyJSON)] = []) -> NotifyJSON {
        .object([("type", .string("TextRun")), ("text", .string(text))] + extra)
    }
}
