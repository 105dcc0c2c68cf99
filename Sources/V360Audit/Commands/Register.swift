import ArgumentParser

extension V360AuditCommand {
    /// `v360audit register draft`.
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Draft the key register from the API members of your PSA.",
            subcommands: [Draft.self],
            defaultSubcommand: Draft.self
        )
    }
}
