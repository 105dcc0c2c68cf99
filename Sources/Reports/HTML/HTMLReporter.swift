import AuditRules
import V360Core

/// The HTML report (`v360audit.html`): one self-contained page for people who open the morning's
/// result in a browser.
///
/// In order: the verdict banner, open findings by severity as bars, changes since the baseline,
/// the remediation plan, the API member → role → tools graph (inline SVG), findings by severity
/// (the first screen unfolded, the rest in `<details>`), waived findings and coverage. No script,
/// no external resource, and a Content-Security-Policy that forbids both; light and dark schemes
/// and a print stylesheet. Each section has a share of ``sizeCap`` and stops (with a note, also
/// named in the banner) where its share ends, so a huge tenant costs no more than the cap.
package struct HTMLReporter: Reporter {
    package static let identifier = "html"
    package static let fileName = "v360audit.html"
    /// The size limit: 5 MiB, past which browsers grow slow and mail gateways refuse attachments.
    var sizeCap: Int

    /// A reporter whose output stays under `sizeCap` bytes.
    package init(sizeCap: Int = 5 * 1_048_576) {
        self.sizeCap = sizeCap
    }

    /// What the head, banner, counts, notes and footer may take at most; the sections share the rest.
    static let fixedReserve = 64 * 1_024

    package func render(_ context: ReportContext) -> String {
        String(decoding: Array(pieces(context).joined()), as: UTF8.self)
    }

    /// Writes the document's pieces as they are (the sections are rendered before the banner that
    /// names what they cut; handing them over separately saves a copy of the whole document).
    package func write(_ context: ReportContext, to file: DurableFile) {
        for piece in pieces(context) { file.append(piece) }
    }

    /// The document in order: head, banner and counts; the sections; the footer.
    func pieces(_ context: ReportContext) -> [[UInt8]] {
        let shared = max(0, sizeCap - Self.fixedReserve)
        func share(_ percent: Int) -> Int { shared / 100 * percent }
        var body = HTMLBuffer()
        var cuts: [String] = []
        let sections: [(inout HTMLBuffer) -> String?] = [
            { HTMLChanges(result: context.result).append(to: &$0, budget: share(10)) },
            { HTMLPlan(plan: context.result.plan).append(to: &$0, budget: share(15)) },
            { HTMLGraph(context: context).append(to: &$0, budget: share(20)) },
            { HTMLFindings(context: context).append(to: &$0, budget: share(45)) },
            { HTMLWaived(findings: context.result.findings).append(to: &$0, budget: share(5)) },
            { HTMLCoverage(context: context).append(to: &$0, budget: share(5)) },
        ]
        for section in sections {
            if let cut = section(&body) { cuts.append(cut) }
        }
        var out = HTMLBuffer()
        head(context, to: &out)
        let banner = HTMLBanner(context: context)
        banner.appendHeader(cuts: cuts, sizeCap: sizeCap, to: &out)
        navigation(context, to: &out)
        out.raw("<main>")
        banner.appendCounts(to: &out)
        var footer = HTMLBuffer()
        footer.raw("</main><footer><div class=\"wrap\">Written by v360audit ")
        footer.text(context.toolVersion)
        footer.raw(" from the snapshot captured ")
        footer.text(context.scan.capturedAt.formatted(.iso8601))
        footer.raw(". The same snapshot and inputs give the same report, byte for byte. Beside this file: "
            + "<code>v360audit.json</code> (everything, for machines), <code>v360audit.md</code> and "
            + "<code>v360audit.junit.xml</code>.</div></footer></body></html>\n")
        return [out.bytes, body.bytes, footer.bytes]
    }

    private func head(_ context: ReportContext, to out: inout HTMLBuffer) {
        let verdict = HTMLVerdict(context)
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"generator\" content=\"v360audit\"><title>")
        out.text("v360audit \(verdict.word): " + (context.scan.site.isEmpty ? "unknown site" : context.scan.site),
                 maxScalars: 200)
        out.raw("</title><style>\n")
        out.raw(HTMLStyle.css)
        out.raw("\n</style></head><body>")
    }

    private func navigation(_ context: ReportContext, to out: inout HTMLBuffer) {
        let result = context.result
        var links = [("counts", "Counts")]
        if result.hasBaseline { links.append(("changes", "Since the baseline")) }
        links += [("plan", "Plan"), ("graph", "Members, roles, tools"), ("findings", "Findings")]
        if result.findings.contains(where: { $0.status == .waived }) { links.append(("waived", "Waived")) }
        links.append(("coverage", "Coverage"))
        out.raw("<nav aria-label=\"Sections\">" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>")
    }
}
