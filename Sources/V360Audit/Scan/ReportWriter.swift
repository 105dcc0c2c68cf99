import Foundation
import Synchronization

/// Writes rendered reports into the output directory.
struct ReportWriter {
    /// The `--output-dir`, as given (paths in messages keep the user's spelling).
    var directory: String

    /// Creates the directory if missing and writes each report.
    ///
    /// Reports are rendered and written concurrently: they are pure functions of the same
    /// immutable context, and for a large tenant rendering is a good part of an offline scan.
    /// Large reports stream into their files (``ReportFile``), so memory stays flat.
    /// - Returns: The paths written, in reporter order.
    /// - Throws: `V360AuditError.output` naming the path (the first failing reporter's, in order).
    func write(_ reporters: [any Reporter], context: ReportContext) throws(V360AuditError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .output(path: directory, detail: "cannot create the directory (\(Self.reason(error)))")
        }
        let paths = reporters.map { (directory as NSString).appendingPathComponent(type(of: $0).fileName) }
        let failures = Mutex([Int: V360AuditError]())
        // Each report on a thread of its own, so all of them share both cores to the end; paths
        // and errors keep the given order.
        ThreadFanOut.run(reporters.indices.map { index in {
            do throws(V360AuditError) {
                let file = try ReportFile(path: paths[index])
                reporters[index].write(context, to: file)
                try file.finish()
            } catch {
                failures.withLock { $0[index] = error }
            }
        } })
        if let first = failures.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
        return paths
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
