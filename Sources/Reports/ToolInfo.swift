/// The tool's name and version, as reports and `--version` show them.
package enum ToolInfo {
    /// The executable's name.
    package static let name = "v360audit"
    /// The released version; reports carry it so a rerun can be matched to the build that wrote it.
    package static let version = "0.1.0"
}
