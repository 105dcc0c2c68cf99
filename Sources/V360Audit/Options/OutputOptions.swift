import ArgumentParser
import Foundation
import Reports

/// Where reports go and which ones are written.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output-dir"), help: ArgumentHelp("The report directory (created if missing).",
                                                                valueName: "dir"))
    var outputDirectory = "reports"

    @Option(help: ArgumentHelp("Reports to write, comma-separated: junit, markdown, json, html, mail (the mail body, "
                               + "on request only).", valueName: "list"))
    var format = "junit,markdown,json,html"

    @Option(name: .customLong("save-snapshot"), help: ArgumentHelp("Also save the tenant snapshot read.",
                                                                   valueName: "file"))
    var saveSnapshot: String?

    @Option(name: .customLong("report-url"),
            help: ArgumentHelp("Where readers find the reports (shown in the HTML banner, the mail and notifications).",
                               valueName: "url"))
    var reportURL: String?

    func validate() throws {
        _ = try reporters()
    }

    /// The selected reporters in the order junit, markdown, json, html, mail.
    func reporters() throws -> [any Reporter] {
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let known: [any Reporter] = [JUnitReporter(), MarkdownReporter(), JSONReporter(), HTMLReporter(), MailReporter()]
        for name in names where !known.contains(where: { type(of: $0).identifier == name }) {
            throw ValidationError("--format: unknown report '\(name)' (use junit, markdown, json, html, mail)")
        }
        guard !names.isEmpty else { throw ValidationError("--format needs at least one of junit, markdown, json, html, mail") }
        return known.filter { names.contains(type(of: $0).identifier) }
    }
}
