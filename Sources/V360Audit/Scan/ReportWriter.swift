import Foundation
import Reports
import Synchronization
import V360Core

/// Writes rendered reports into the output directory.
struct ReportWriter {
    /// The `--output-dir`, as given (paths in messages keep the user's spelling).
    var directory: String

    /// Creates the directory if missing and writes each report.
    ///
    /// Reports are rendered and written concurrently: they are pure functions of the same
    /// immutable context, and for a large tenant rendering is a good part of an offline scan.
    /// Large reports stream into their files (``DurableFile``), so memory stays flat; each file is
    /// synced and renamed into place whole, so a report is never half written.
    /// - Returns: The paths written, in reporter order.
    /// - Throws: `V360AuditError.output` naming the path (the first failing reporter's, in order).
    func write(_ reporters: [any Reporter], context: ReportContext) throws(V360AuditError) -> [String] {
        do {
            try Folders.create(directory)
        } catch {
            throw .file(error)
        }
        let paths = reporters.map { (directory as NSString).appendingPathComponent(type(of: $0).fileName) }
        // Each report on a thread of its own, so all of them share both cores to the end; paths
        // and errors keep the given order.
        let failures = Array(reporters.indices).mapOnThreads { index -> V360CoreError? in
            do throws(V360CoreError) {
                let file = try DurableFile(path: paths[index])
                reporters[index].write(context, to: file)
                try file.finish()
                return nil
            } catch {
                return error
            }
        }
        if let first = failures.compactMap({ $0 }).first { throw .file(first) }
        return paths
    }
}
