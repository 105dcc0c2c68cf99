import V360Core

/// The JSON report (`v360audit.json`): sorted keys, pretty-printed, ISO-8601 dates, so it diffs
/// cleanly and is byte-identical for the same inputs.
struct JSONReporter: Reporter {
    static let identifier = "json"
    static let fileName = "v360audit.json"
    func render(_ context: ReportContext) -> String {
        var stream = JSONStream()
        JSONReport(context).write(to: &stream, rendered: context.renderedEvidence)
        return String(decoding: stream.bytes, as: UTF8.self)
    }

    /// Streams the document into the file as it is written (a large tenant's report runs to tens of MB).
    func write(_ context: ReportContext, to file: DurableFile) {
        var stream = JSONStream(file: file)
        JSONReport(context).write(to: &stream, rendered: context.renderedEvidence)
        stream.flush()
    }
}
