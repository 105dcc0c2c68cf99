import Foundation
import Reports
import V360Core

extension ReportWriter {
    /// ``write(_:context:)`` on a thread of its own, awaited (``onOwnThread(_:)``): the write
    /// blocks its thread until every report's thread is done.
    func writeOffThePool(_ reporters: [any Reporter], context: ReportContext) async throws(V360AuditError) -> [String] {
        let outcome: Result<[String], V360AuditError> = await onOwnThread {
            do throws(V360AuditError) {
                return .success(try write(reporters, context: context))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
