import ArgumentParser

/// `--tenants FILE` and the options that only make sense with it: many PSAs in one run.
struct FleetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A tenants file: scan every PSA it lists, each into <output-dir>/<name>/, plus fleet reports.",
                               valueName: "file"))
    var tenants: String?

    @Option(help: ArgumentHelp("With --tenants: PSAs read at once (default 4).", valueName: "n"))
    var parallel: Int?

    @Option(name: .customLong("snapshot-dir"),
            help: ArgumentHelp("With --tenants: scan <dir>/<name>.json offline instead of reading the PSAs.", valueName: "dir"))
    var snapshotDirectory: String?

    @Option(name: .customLong("baseline-dir"),
            help: ArgumentHelp("With --tenants: <dir>/<name>.json is each tenant's --baseline (none: a coverage note).",
                               valueName: "dir"))
    var baselineDirectory: String?

    @Option(name: .customLong("save-snapshot-dir"),
            help: ArgumentHelp("With --tenants: save each complete read as <dir>/<name>.json.", valueName: "dir"))
    var saveSnapshotDirectory: String?

    /// The default of `--parallel`.
    static let defaultParallel = 4

    func validate() throws {
        if let parallel, !(1...64).contains(parallel) { throw ValidationError("--parallel must be between 1 and 64") }
        guard tenants == nil else { return }
        let given = [("--parallel", parallel != nil), ("--snapshot-dir", snapshotDirectory != nil),
                     ("--baseline-dir", baselineDirectory != nil), ("--save-snapshot-dir", saveSnapshotDirectory != nil)]
            .filter(\.1).map(\.0)
        if !given.isEmpty { throw ValidationError("\(given.joined(separator: ", ")) only with --tenants FILE") }
    }

    /// `--parallel`, or its default.
    var parallelism: Int { parallel ?? Self.defaultParallel }
}
