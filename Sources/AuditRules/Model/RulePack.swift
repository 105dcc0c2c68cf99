import Foundation
import V360Core

/// A set of rules and tool profiles: the bundled pack, optionally overridden or extended by
/// `--rules DIR` directories (later directories win by id, for rules and tools alike).
public struct RulePack: Sendable {
    /// Rules sorted by id.
    public var rules: [RuleDefinition]
    /// Tool profiles keyed by lowercased id.
    public var tools: [String: ToolProfile]

    /// Creates a pack from parts (rules are sorted by id).
    public init(rules: [RuleDefinition], tools: [String: ToolProfile]) {
        self.rules = rules.sorted { $0.id < $1.id }
        self.tools = tools
    }

    /// The rule with `id`, if any.
    public func rule(_ id: String) -> RuleDefinition? { rules.first { $0.id == id } }

    /// The profile of a tool id (case-insensitive).
    public func tool(_ id: String) -> ToolProfile? { tools[id.lowercased()] }

    /// The built-in pack, embedded in the binary (`Sources/AuditRules/Bundled/`, generated from `rules/`).
    public static func bundled() throws(AuditRulesError) -> RulePack {
        try load(directories: [], includeBundled: true)
    }

    /// Loads the bundled pack (unless `includeBundled` is false) and then each directory in order.
    ///
    /// A directory holds rule files `*.yml`/`*.yaml` and tool profiles in `tools/*.yml`. Within one
    /// directory (or the bundle) two files with the same id are an error; across directories the
    /// later one replaces the earlier. `load(directories: [dir], includeBundled: false)` is
    /// `rules validate DIR`.
    /// - Throws: `AuditRulesError` naming the file and line of the first problem.
    public static func load(directories: [URL], includeBundled: Bool = true) throws(AuditRulesError) -> RulePack {
        var sources: [[SourceFile]] = []
        if includeBundled {
            sources.append(BundledPack.files.map { SourceFile(path: "<bundled>/rules/\($0.path)", text: $0.text,
                                                              isTool: $0.path.hasPrefix("tools/")) })
        }
        for directory in directories { sources.append(try readDirectory(directory)) }
        let parsed = parseConcurrently(sources.flatMap { $0 })
        var next = 0
        var rules: [String: RuleDefinition] = [:]
        var tools: [String: ToolProfile] = [:]
        for files in sources {
            var seenRules: [String: RuleDefinition] = [:]
            var seenTools: [String: (ToolProfile, Int?)] = [:]
            for file in files {
                let result = parsed[next]
                next += 1
                if file.isTool {
                    guard case .tool(let profile, let line) = try result.get() else { continue }
                    if let (first, firstLine) = seenTools[profile.id.lowercased()] {
                        throw .duplicateId(kind: "tool", id: profile.id, file: file.path, line: line,
                                           firstFile: first.sourceFile, firstLine: firstLine)
                    }
                    seenTools[profile.id.lowercased()] = (profile, line)
                } else {
                    guard case .rule(let rule) = try result.get() else { continue }
                    if let first = seenRules[rule.id] {
                        throw .duplicateId(kind: "rule", id: rule.id, file: file.path, line: rule.line,
                                           firstFile: first.sourceFile, firstLine: first.line)
                    }
                    seenRules[rule.id] = rule
                }
            }
            rules.merge(seenRules) { _, later in later }
            tools.merge(seenTools.mapValues(\.0)) { _, later in later }
        }
        return RulePack(rules: Array(rules.values), tools: tools)
    }

    /// One parsed file of a pack.
    enum Parsed: Sendable {
        case tool(ToolProfile, line: Int?)
        case rule(RuleDefinition)
    }

    /// Parses every file on all cores (YAML parsing is most of loading a pack of ~90 files), in
    /// order: the caller then meets the first failing file first, exactly as a sequential load.
    static func parseConcurrently(_ files: [SourceFile]) -> [Result<Parsed, AuditRulesError>] {
        files.concurrentMap { file in
            Result { () throws(AuditRulesError) -> Parsed in
                if file.isTool {
                    let (profile, line) = try ToolProfile.parse(file.text, file: file.path)
                    return .tool(profile, line: line)
                }
                return .rule(try RuleDefinition.parse(file.text, file: file.path))
            }
        }
    }

    struct SourceFile: Sendable {
        var path: String
        var text: String
        var isTool: Bool
    }

    private static func readDirectory(_ directory: URL) throws(AuditRulesError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(file: directory.path, reason: "not a directory")
        }
        var files: [SourceFile] = []
        for (folder, isTool) in [(directory, false), (directory.appendingPathComponent("tools"), true)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let url = folder.appendingPathComponent(name)
                files.append(SourceFile(path: url.path, text: try YAMLDocument.readText(url), isTool: isTool))
            }
        }
        return files
    }
}
