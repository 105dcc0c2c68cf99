/// A fleet run's Microsoft Teams payload: the same message envelope and Adaptive Card 1.5 as one
/// scan's ``TeamsCard``, holding the fleet's verdict, tenant counts, one row per tenant worst first,
/// the worst findings across tenants and the fleet report.
///
/// Tenant data (names, sites, errors, finding resources) goes only into `TextRun`s, never into a
/// `TextBlock` whose Markdown Teams would read. A fleet can list hundreds of tenants, so at most
/// ``FleetDigest/tenantRows`` rows are offered and ``AdaptiveCard/fit(_:render:)`` trims the longest
/// list until the message is within ``AdaptiveCard/byteBudget``, saying "and N more tenants".
package enum FleetTeamsCard {
    /// The JSON body to post.
    package static func payload(_ digest: FleetDigest) -> [UInt8] {
        let sections = [
            AdaptiveCard.Section(heading: "Tenants, worst first (\(digest.tenants.count))", rows: digest.tenants.map(tenantRow),
                                 limit: FleetDigest.tenantRows, more: "more tenants in the fleet report."),
            AdaptiveCard.Section(heading: "Worst findings across tenants", rows: digest.top.map(findingRow),
                                 limit: FleetDigest.topCount, more: "more in the fleet report."),
        ]
        return AdaptiveCard.fit(sections) { message(digest, $0) }
    }

    private static func message(_ digest: FleetDigest, _ sections: [AdaptiveCard.Section]) -> NotifyJSON {
        let head: [NotifyJSON] = [
            AdaptiveCard.title("v360audit fleet: \(digest.verdict)", color: AdaptiveCard.color(digest.state)),
            AdaptiveCard.textBlock(digest.headline + " " + digest.tenantsText + "."),
            AdaptiveCard.textBlock("Latest capture \(digest.generatedAtText)", extra: [("isSubtle", .bool(true))]),
            AdaptiveCard.facts(facts(digest)),
        ]
        return AdaptiveCard.message(head: head, sections: sections, fallbackText: "v360audit fleet: " + digest.headline, reportURL: digest.reportURL,
                                    reportFiles: digest.reportFiles)
    }

    private static func facts(_ digest: FleetDigest) -> [(title: String, count: Int)] {
        var facts: [(title: String, count: Int)] = [("Tenants", digest.tenants.count), ("Complete", digest.complete),
                                                    ("Not complete", digest.failed)]
        facts += digest.bySeverity.map { (title: "Open " + $0.severity.rawValue, count: $0.count) }
        if digest.hasBaseline {
            facts.append(("New since their baselines", digest.newFindings))
            facts.append(("Changes in the PSAs", digest.changes))
        }
        return facts
    }

    /// The name in bold, the site, the verdict in its colour, then the details.
    private static func tenantRow(_ tenant: FleetTenant) -> [NotifyJSON] {
        [AdaptiveCard.textRun(FleetDigest.label(tenant), extra: [("weight", .string("bolder"))]),
                AdaptiveCard.textRun(": "),
                AdaptiveCard.textRun(FleetDigest.verdictText(tenant), extra: [("weight", .string("bolder")),
                                                                             ("color", .string(AdaptiveCard.color(FleetDigest.state(tenant.exitCode))))]),
                AdaptiveCard.textRun(" · " + FleetDigest.details(tenant))]
    }

    /// The severity in bold and colour, then tenant, rule and resource.
    private static func findingRow(_ finding: FleetFinding) -> [NotifyJSON] {
        [AdaptiveCard.severityRun(finding.severity.rawValue.uppercased(), rank: finding.severity),
         AdaptiveCard.textRun(" " + FleetDigest.findingText(finding))]
    }

}
