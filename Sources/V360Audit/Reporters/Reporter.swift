/// A report format: a pure function from a scan's context to the file's text.
protocol Reporter: Sendable {
    /// The `--format` name, e.g. `junit`.
    static var identifier: String { get }
    /// The file written into `--output-dir`, e.g. `v360audit.junit.xml`.
    static var fileName: String { get }
    /// Renders the report; must not read the clock or anything else outside `context`.
    func render(_ context: ReportContext) -> String
}
