import ArgumentParser
import AuditRules
import Foundation
import ManageReader

extension V360AuditCommand.Profiles {
    /// `profiles draft --role ID|NAME [source]`: a `verified: false` profile of what a role grants.
    struct Draft: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Print a tool profile (verified: false) of everything a role of your PSA grants today.",
            discussion: "A starting point for a tool whose vendor publishes no role list. Exit codes: 0 printed; "
                + "2 the role's settings could not be read; 64 usage or no such role.")

        @Option(help: ArgumentHelp("The role's id or name (case-insensitive).", valueName: "id|name"))
        var role: String

        @OptionGroup(title: "Source") var source: SourceOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions
        @OptionGroup(title: "Logging") var logging: LoggingOptions

        func execute(console: Console) async throws -> Int32 {
            let acquirer = SnapshotAcquirer(console: console, logger: logging.logger(console))
            let snapshot = try await acquirer.snapshot(source, connection: connection)
            if let gap = snapshot.gaps.first(where: { $0.area == .securityRoles || $0.area == .companyInfo }) {
                console.error("could not read the role list (\(gap.endpoint)): \(gap.detail); nothing drafted")
                return ExitStatus.incomplete
            }
            let found = try Self.find(role, in: snapshot)
            guard found.settings != nil else {
                console.error("the settings of role '\(found.name)' (id \(found.id)) could not be read; nothing drafted")
                return ExitStatus.incomplete
            }
            console.write(.out, ProfileDraft(role: found, snapshot: snapshot).yaml)
            return ExitStatus.passed
        }

        /// The role with that id, else the one role with that name.
        static func find(_ selector: String, in snapshot: TenantSnapshot) throws -> SecurityRole {
            let wanted = selector.trimmingCharacters(in: .whitespaces)
            if let id = Int(wanted), let role = snapshot.securityRoles.first(where: { $0.id == id }) { return role }
            let named = snapshot.securityRoles.filter {
                $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted.lowercased()
            }
            if named.count == 1 { return named[0] }
            if named.count > 1 {
                throw V360AuditError.usage("--role '\(selector)': \(named.count) roles have that name (ids "
                    + named.map { String($0.id) }.joined(separator: ", ") + "); pass the id")
            }
            throw V360AuditError.usage("--role '\(selector)': no role with that id or name (\(snapshot.securityRoles.count) roles read)")
        }
    }
}
