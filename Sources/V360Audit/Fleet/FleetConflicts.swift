/// What `--tenants` refuses: every PSA's connection comes from the tenants file, so a connection
/// flag or a `CWM_*` variable would be ambiguous (which tenant is it for?). Checked before the
/// tenants file is read; exit 64.
enum FleetConflicts {
    /// Refuses connection flags, `CWM_*` variables and `others` (single-scan flags already given).
    /// - Parameters:
    ///   - connection: The command's connection options.
    ///   - environment: The process environment.
    ///   - others: Other flags given that do not go with `--tenants`, as the user spells them.
    /// - Throws: `V360AuditError.usage` naming each flag and variable (never a value).
    static func check(_ connection: ConnectionOptions, environment: [String: String], others: [String] = []) throws(V360AuditError) {
        let flags = [("--site", connection.site), ("--company-id", connection.companyId),
                     ("--public-key", connection.publicKey), ("--private-key-file", connection.privateKeyFile),
                     ("--client-id", connection.clientId), ("--ca-file", connection.caFile)]
            .filter { $0.1 != nil }.map(\.0) + others
        let variables = environment.filter { $0.key.hasPrefix("CWM_") && !$0.value.isEmpty }.keys.sorted()
        var problems: [String] = []
        if !flags.isEmpty { problems.append("remove \(flags.joined(separator: ", "))") }
        if !variables.isEmpty { problems.append("unset \(variables.joined(separator: ", ")) (set in the environment)") }
        guard !problems.isEmpty else { return }
        throw .usage("--tenants takes every PSA's connection and inputs from the tenants file: "
            + problems.joined(separator: "; "))
    }
}
