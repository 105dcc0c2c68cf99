import V360Core

/// A report format: a pure function from a scan's context to the file's text.
package protocol Reporter: Sendable {
    /// The `--format` name, e.g. `junit`.
    static var identifier: String { get }
    /// The file written into `--output-dir`, e.g. `v360audit.junit.xml`.
    static var fileName: String { get }
    /// Renders the report; must not read the clock or anything else outside `context`.
    func render(_ context: ReportContext) -> String
    /// Writes the same text as ``render(_:)`` into `file`, possibly in pieces.
    func write(_ context: ReportContext, to file: DurableFile)
}

extension Reporter {
    /// Writes `render(context)` at once; reporters whose output grows with the tenant stream instead.
    package func write(_ context: ReportContext, to file: DurableFile) {
        file.append(render(context))
    }
}
