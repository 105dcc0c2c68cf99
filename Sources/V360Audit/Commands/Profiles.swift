import ArgumentParser

extension V360AuditCommand {
    /// `v360audit profiles list | profiles draft --role ID|NAME`.
    struct Profiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profiles",
            abstract: "List the tool profiles, or draft one from a role of your PSA.",
            subcommands: [List.self, Draft.self],
            defaultSubcommand: List.self
        )
    }
}
