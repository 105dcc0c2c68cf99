import Foundation
import Reports
import V360Core

/// Runs prepared tenant scans, `parallel` at a time, reducing each to its ``FleetTenant`` as soon as
/// its reports are written, and printing one progress line per tenant as it finishes.
struct FleetRunner: Sendable {
    /// Tenants read at once.
    var parallel: Int
    /// Where progress goes (stderr).
    var console: Console
    /// `--quiet`: only the lines of tenants that could not be read (exit 2 or 64), which are errors.
    var quiet = false

    /// A tenant's prepared scan, or why it cannot run.
    typealias Job = (entry: TenantEntry, scan: Result<TenantScan, V360AuditError>)

    /// Runs the jobs; never throws: a tenant's error is its result.
    /// - Returns: The tenants, in the jobs' order.
    func run(_ jobs: [Job]) async -> [FleetTenant] {
        await jobs.boundedMap(limit: parallel) { job in await self.run(job) }
    }

    /// One tenant, reduced; its snapshot and result are gone when this returns.
    private func run(_ job: Job) async -> FleetTenant {
        let started = ContinuousClock.now
        let tenant: FleetTenant
        switch job.scan {
        case .success(let scan):
            do {
                tenant = FleetTenant(job.entry, outcome: try await scan.run())
            } catch {
                tenant = FleetTenant(job.entry, failure: V360AuditError.wrap(error))
            }
        case .failure(let error):
            tenant = FleetTenant(job.entry, failure: error)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard !quiet || !tenant.complete else { return tenant }
        console.err("\(job.entry.name): \(tenant.verdict) (exit \(tenant.exitCode)) in \(String(format: "%.1f", seconds)) s"
            + (tenant.error.map { ": " + $0 } ?? ""))
        return tenant
    }
}
