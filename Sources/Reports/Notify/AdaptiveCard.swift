import AuditRules

/// The parts both Teams payloads (one scan's ``TeamsCard``, a fleet's ``FleetTeamsCard``) are made
/// of: the message envelope a Teams Workflows webhook expects, the Adaptive Card 1.5 elements, and
/// the lists that shrink until the message fits ``byteBudget``.
///
/// Kept in one place so the rule "tenant data only in `TextRun`s" is enforced by one set of
/// builders: ``textBlock(_:extra:)`` (Markdown is read) takes this tool's own words only, and
/// ``textRun(_:extra:)`` (never Markdown) is where tenant data goes.
package enum AdaptiveCard {
    /// The largest payload built, in bytes of the UTF-8 JSON (Teams refuses messages over 28 KB).
    package static let byteBudget = 20_000

    /// One list of the card: a heading, its rows (each a `RichTextBlock`'s runs), how many are shown.
    package struct Section: Sendable {
        /// The list's heading (this tool's words: a `TextBlock`).
        package var heading: String
        /// Every row, each a list of text runs.
        package var rows: [[NotifyJSON]]
        /// Rows shown; set by ``fit(_:render:)``.
        package var shown: Int
        /// What follows "… and N " when rows are left out, e.g. `more in the report.`.
        package var more: String

        /// A section showing at most `limit` rows until ``AdaptiveCard/fit(_:render:)`` trims it.
        package init(heading: String, rows: [[NotifyJSON]], limit: Int, more: String = "more in the report.") {
            self.heading = heading
            self.rows = rows
            self.shown = min(limit, rows.count)
            self.more = more
        }
    }

    /// Renders the message with the sections, dropping a row from the longest shown list until the
    /// bytes fit ``byteBudget``. The fixed part is small (every tenant string in it is clipped), so
    /// this ends well before every list is empty.
    package static func fit(_ sections: [Section], render: ([Section]) -> NotifyJSON) -> [UInt8] {
        var sections = sections
        var bytes = render(sections).bytes
        while bytes.count > byteBudget,
              let longest = sections.indices.filter({ sections[$0].shown > 0 })
                  .max(by: { sections[$0].shown < sections[$1].shown }) {
            sections[longest].shown -= 1
            bytes = render(sections).bytes
        }
        return bytes
    }

    /// A section's elements: its heading, `None.` or its shown rows, and an "and N more" line.
    private static func elements(_ section: Section) -> [NotifyJSON] {
        var body = [textBlock(section.heading, extra: [("weight", .string("bolder")), ("separator", .bool(true))])]
        if section.rows.isEmpty { body.append(textBlock("None.", extra: [("isSubtle", .bool(true))])) }
        for row in section.rows.prefix(section.shown) { body.append(richText(row)) }
        if section.shown < section.rows.count {
            body.append(textBlock("… and \(section.rows.count - section.shown) \(section.more)", extra: [("isSubtle", .bool(true))]))
        }
        return body
    }

    /// The message a Teams Workflows webhook posts: one Adaptive Card attachment.
    /// - Parameters:
    ///   - head: The card's first elements (title, verdict, counts).
    ///   - sections: The lists that follow, as ``fit(_:render:)`` trimmed them.
    ///   - fallbackText: What clients that cannot show the card show.
    ///   - reportURL: `--report-url`: an **Open the report** button when it is an http(s) URL,
    ///     else shown as text.
    ///   - reportFiles: The report paths, shown when there is no URL.
    package static func message(head: [NotifyJSON], sections: [Section], fallbackText: String, reportURL: String?,
                                reportFiles: [String]) -> NotifyJSON {
        var body = head + sections.flatMap(elements)
        var fields: [(key: String, value: NotifyJSON)] = [
            ("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
            ("type", .string("AdaptiveCard")),
            ("version", .string("1.5")),
            ("fallbackText", .string(fallbackText)),
        ]
        if let url = NotificationDigest.openable(reportURL) {
            fields.append(("body", .array(body)))
            fields.append(("actions", .array([.object([("type", .string("Action.OpenUrl")),
                                                        ("title", .string("Open the report")), ("url", .string(url))])])))
        } else {
            let location = reportURL.map { [$0] } ?? reportFiles
            if !location.isEmpty {
                body.append(richText([textRun(NotificationDigest.clip("Reports: " + location.joined(separator: ", "), limit: 1_000),
                                              extra: [("isSubtle", .bool(true))])]))
            }
            fields.append(("body", .array(body)))
        }
        let attachment: NotifyJSON = .object([
            ("contentType", .string("application/vnd.microsoft.card.adaptive")),
            ("contentUrl", .null),
            ("content", .object(fields)),
        ])
        return .object([("type", .string("message")), ("attachments", .array([attachment]))])
    }

    /// The card's title: `v360audit: FAILED` large and bold, in the verdict's colour.
    package static func title(_ text: String, color: String) -> NotifyJSON {
        textBlock(text, extra: [("size", .string("large")), ("weight", .string("bolder")), ("color", .string(color))])
    }

    /// The title's colour for a verdict: good, attention (the gate failed), warning (no verdict to trust).
    package static func color(_ verdict: NotificationDigest.Verdict) -> String {
        switch verdict {
        case .passed: "good"
        case .failed: "attention"
        case .incomplete: "warning"
        }
    }

    /// A `FactSet` of counts.
    package static func facts(_ facts: [(title: String, count: Int)]) -> NotifyJSON {
        .object([("type", .string("FactSet")), ("facts", .array(facts.map { fact in
            .object([("title", .string(fact.title)), ("value", .string(String(fact.count)))])
        }))])
    }

    /// A severity as a bold run, coloured for medium and above.
    package static func severityRun(_ severity: String, rank: Severity) -> NotifyJSON {
        let color = rank >= .high ? "attention" : rank == .medium ? "warning" : "default"
        return textRun(severity, extra: [("weight", .string("bolder")), ("color", .string(color))])
    }

    /// A `TextBlock` (Markdown is read: this tool's own words only), wrapping.
    package static func textBlock(_ text: String, extra: [(key: String, value: NotifyJSON)] = []) -> NotifyJSON {
        .object([("type", .string("TextBlock")), ("text", .string(text)), ("wrap", .bool(true))] + extra)
    }

    /// A `RichTextBlock` of text runs: where tenant data goes.
    package static func richText(_ inlines: [NotifyJSON]) -> NotifyJSON {
        .object([("type", .string("RichTextBlock")), ("inlines", .array(inlines))])
    }

    /// A `TextRun`: plain text, never Markdown.
    package static func textRun(_ text: String, extra: [(key: String, value: NotifyJSON)] = []) -> NotifyJSON {
        .object([("type", .string("TextRun")), ("text", .string(text))] + extra)
    }
}
