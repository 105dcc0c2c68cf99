import AuditRules
import Foundation
import Reports
import V360Core

/// Writes the fleet reports into the output folder and prints the fleet's paragraph on stdout.
struct FleetOutput {
    /// `--output-dir`.
    var directory: String
    /// The fleet reporters for the chosen `--format`.
    var reporters: [any FleetReporter]
    /// Where the paragraph and errors go.
    var console: Console

    /// Writes the reports, prints the paragraph and returns the run's exit code: the worst
    /// tenant's, or 2 when a fleet report could not be written and no tenant was worse; and the
    /// reports written (the fleet notification points at them).
    func finish(_ summary: FleetSummary) -> (code: Int32, written: [String]) {
        var written: [String] = []
        var code = summary.exitCode
        do throws(V360CoreError) {
            try Folders.create(directory)
            for reporter in reporters {
                let path = (directory as NSString).appendingPathComponent(type(of: reporter).fileName)
                try DurableFile.write(reporter.render(summary), to: path)
                written.append(path)
            }
        } catch {
            console.error(error.description)
            if FleetTenant.badness(ExitStatus.incomplete) > FleetTenant.badness(code) { code = ExitStatus.incomplete }
        }
        console.out(Self.paragraph(summary, files: written))
        return (code, written)
    }

    /// `v360audit fleet: VERDICT (exit N): T tenants, …; open findings …; reports …`.
    static func paragraph(_ summary: FleetSummary, files: [String]) -> String {
        let worst = FleetTenant.verdict(summary.exitCode)
        let counts = summary.tenants.count == summary.completeCount
            ? "every scan complete"
            : "\(summary.failed.count) not complete (\(summary.failed.map(\.name).joined(separator: ", ")))"
        let open = Severity.allCases.reversed().compactMap { severity -> String? in
            let n = summary.open(severity)
            return n == 0 ? nil : "\(n) \(severity.rawValue)"
        }
        return "v360audit fleet \(worst) (exit \(summary.exitCode)): \(summary.tenants.count) tenant(s), \(counts); "
            + "open findings: " + (open.isEmpty ? "none" : open.joined(separator: ", ")) + "."
            + (files.isEmpty ? "" : " Reports: " + files.joined(separator: ", ") + ".")
    }
}
