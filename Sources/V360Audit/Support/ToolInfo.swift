/// The tool's name and version, as reports and `--version` show them.
enum ToolInfo {
    /// The executable's name.
    static let name = "v360audit"
    /// The released version; reports carry it so a rerun can be matched to the build that wrote it.
    static let version = "0.1.0"
}
