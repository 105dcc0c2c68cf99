import ArgumentParser

extension V360AuditCommand {
    /// `v360audit rules list | explain ID | validate DIR`.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List, explain or validate rules.",
            subcommands: [List.self, Explain.self, Validate.self],
            defaultSubcommand: List.self
        )
    }
}
