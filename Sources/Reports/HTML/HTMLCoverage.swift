import AuditRules

/// The HTML report's coverage: whether every read succeeded, then each note, gaps first.
struct HTMLCoverage {
    var context: ReportContext

    /// Appends the section within `budget` bytes.
    /// - Returns: A note on what was left out, if anything was.
    func append(to out: inout HTMLBuffer, budget: Int) -> String? {
        out.raw("<section id=\"coverage\"><h2>Coverage</h2><p>")
        if context.complete {
            out.raw("Every PSA read the rules needed succeeded.")
        } else {
            out.raw("<strong>Incomplete:</strong> some PSA data could not be read; resources that depended on it are "
                + "reported as errors, never as passing.")
        }
        out.raw("</p>")
        let entries = context.result.coverage
        guard !entries.isEmpty else {
            out.raw("</section>")
            return nil
        }
        let order: [CoverageEntry.Status] = [.missing, .notEvaluated, .caveat, .complete]
        let sorted = order.flatMap { status in entries.filter { $0.status == status } }
        out.raw("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th scope=\"col\">area</th><th scope=\"col\">status</th>"
            + "<th scope=\"col\">detail</th></tr></thead><tbody>")
        let shown = out.appendItems(sorted, budget: budget - 512) { entry, piece in
            piece.raw("<tr class=\"coverage-\(entry.status.rawValue)\"><td>")
            piece.text(entry.area, maxScalars: 300)
            piece.raw("</td><td>\(entry.status.rawValue)</td><td>")
            piece.text(entry.detail, maxScalars: 2_000)
            piece.raw("</td></tr>")
        }
        out.raw("</tbody></table></div>")
        var note: String?
        if shown < sorted.count {
            note = "\(sorted.count - shown) of \(sorted.count) coverage notes"
            out.raw("<p class=\"note cut\">\(sorted.count - shown) more coverage notes are left out to keep this report "
                + "under its size limit; the JSON report (<code>v360audit.json</code>) has them all.</p>")
        }
        out.raw("</section>")
        return note
    }
}
