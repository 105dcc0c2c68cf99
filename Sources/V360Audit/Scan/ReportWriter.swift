import Foundation

/// Writes rendered reports into the output directory.
struct ReportWriter {
    /// The `--output-dir`, as given (paths in messages keep the user's spelling).
    var directory: String

    /// Creates the directory if missing and writes each report.
    /// - Returns: The paths written, in reporter order.
    /// - Throws: `V360AuditError.output` naming the path.
    func write(_ reporters: [any Reporter], context: ReportContext) throws(V360AuditError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .output(path: directory, detail: "cannot create the directory (\(Self.reason(error)))")
        }
        var written: [String] = []
        for reporter in reporters {
            let path = (directory as NSString).appendingPathComponent(type(of: reporter).fileName)
            do {
                try Data(reporter.render(context).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw .output(path: path, detail: Self.reason(error))
            }
            written.append(path)
        }
        return written
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
