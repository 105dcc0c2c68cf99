import V360Core

/// The JSON report (`v360audit.json`): sorted keys, pretty-printed, ISO-8601 dates, so it diffs
/// cleanly and is byte-identical for the same inputs.
package struct JSONReporter: Reporter {
    package static let identifier = "json"
    package static let fileName = "v360audit.json"

    /// The reporter (it has no settings).
    package init() {}
    package func render(_ context: ReportContext) -> String {
        var stream = JSONStream()
        JSONReport(context).write(to: &stream, rendered: context.renderedEvidence)
        return String(decoding: stream.bytes, as: UTF8.self)
    }

    /// Streams the document into the file as it is written (a large tenant's report runs to tens of MB).
    package func write(_ context: ReportContext, to file: DurableFile) {
        var stream = JSONStream(file: file)
        JSONReport(context).write(to: &stream, rendered: context.renderedEvidence)
        stream.flush()
    }
}
