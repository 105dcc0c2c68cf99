import Foundation
import Reports

extension ReportWriter {
    /// ``write(_:context:)`` on a thread of its own, awaited.
    ///
    /// The write blocks its thread until every report's thread is done; on Swift's cooperative
    /// pool (one thread per core) that would stall the other tenants of a fleet, whose reads only
    /// need a moment of a thread now and then, for as long as the reports take.
    func writeOffThePool(_ reporters: [any Reporter], context: ReportContext) async throws(V360AuditError) -> [String] {
        let outcome: Result<[String], V360AuditError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(V360AuditError) {
                    continuation.resume(returning: .success(try write(reporters, context: context)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        return try outcome.get()
    }
}
