/// A fleet run's Slack payload: `text` (the notification and fallback) plus Block Kit `blocks`
/// with the fleet's verdict and counts, one line per tenant worst first, the worst findings across
/// tenants and the fleet report.
///
/// Seven or eight blocks whatever the fleet's size (``SlackBlocks/blockLimit`` is 50): the tenants
/// share one section, filled up to Slack's 3,000 characters with at most ``FleetDigest/tenantRows``
/// lines, then "and N more tenants". Every piece of tenant data passes through ``SlackText/escape(_:)``,
/// so a tenant, site or member named `<!channel>` pings no one.
package enum FleetSlackMessage {
    /// The JSON body to post.
    package static func payload(_ digest: FleetDigest) -> [UInt8] {
        var summary = SlackText.escape(digest.headline) + "\n*Tenants:* " + digest.tenantsText
            + "\n*Open findings:* " + digest.countsText
        if digest.hasBaseline {
            summary += "\n*Since their baselines:* \(digest.newFindings) new finding(s), \(digest.changes) change(s) in the PSAs"
        }
        var blocks: [NotifyJSON] = [
            SlackBlocks.header("v360audit fleet: \(digest.verdict)"),
            SlackBlocks.section(summary),
            SlackBlocks.context("Latest capture \(digest.generatedAtText)"),
            SlackBlocks.divider,
            SlackBlocks.section(SlackBlocks.list("Tenants, worst first", digest.tenants.map(FleetDigest.line),
                                                 limit: FleetDigest.tenantRows, more: "more tenants in the fleet report.")),
            SlackBlocks.divider,
            SlackBlocks.section(SlackBlocks.list("Worst findings across tenants", digest.top.map(FleetDigest.line),
                                                 limit: FleetDigest.topCount, more: "more in the fleet report.")),
        ]
        if let reports = SlackBlocks.reports(url: digest.reportURL, files: digest.reportFiles) { blocks.append(reports) }
        assert(blocks.count <= SlackBlocks.blockLimit)
        let text = SlackText.escape("v360audit fleet \(digest.headline) \(digest.tenantsText). Open findings: \(digest.countsText).")
        return NotifyJSON.object([("text", .string(text)), ("blocks", .array(blocks))]).bytes
    }
}
