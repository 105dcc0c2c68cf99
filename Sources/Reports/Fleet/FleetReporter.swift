/// A fleet report format: a pure function from the fleet summary to the file's text.
package protocol FleetReporter: Sendable {
    /// The file written into `--output-dir`, e.g. `v360audit-fleet.md`.
    static var fileName: String { get }
    /// Renders the report; must not read the clock or anything else outside `summary`.
    func render(_ summary: FleetSummary) -> String
}

/// The fleet reports for the `--format` reporters chosen: each single-scan format has its fleet
/// counterpart, so `--format json` gives one JSON per tenant and one for the fleet. The mail body
/// (`mail`) has none: it is each tenant's own.
package enum FleetReporters {
    /// The fleet reporters matching `reporters`, in the same order.
    package static func matching(_ reporters: [any Reporter]) -> [any FleetReporter] {
        reporters.compactMap { reporter -> (any FleetReporter)? in
            switch type(of: reporter).identifier {
            case JUnitReporter.identifier: FleetJUnitReporter()
            case MarkdownReporter.identifier: FleetMarkdownReporter()
            case JSONReporter.identifier: FleetJSONReporter()
            case HTMLReporter.identifier: FleetHTMLReporter()
            default: nil
            }
        }
    }
}
