import Foundation
import Yams

/// Parses untrusted YAML into a `Yams.Node` tree with limits, so hostile input is an error,
/// never a crash or a memory blow-up.
///
/// Limits: files over `maxBytes` are refused before parsing; text must be UTF-8; anchors and
/// aliases are refused outright (no rule file needs them, and an alias "billion laughs" tree
/// is exponential to walk); at most `maxNodes` nodes.
///
/// `package` so the CLI's tenants file is read with the same limits and `file:line` errors.
package enum YAMLDocument {
    /// Size cap for any YAML input (rule files, profiles, registers, waivers).
    package static let maxBytes = 1 << 20
    /// Node cap: far above a real register (a few nodes per key) and far below trouble.
    package static let maxNodes = 200_000

    /// Reads a file with the size and encoding checks.
    package static func readText(_ url: URL) throws(AuditRulesError) -> String {
        let file = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > maxBytes {
                throw AuditRulesError.tooLarge(file: file, bytes: size, limit: maxBytes)
            }
            data = try Data(contentsOf: url)
        } catch let error as AuditRulesError {
            throw error
        } catch {
            throw .unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
        return try decodeText(data, file: file)
    }

    /// Checks size and UTF-8 of raw bytes.
    package static func decodeText(_ data: Data, file: String) throws(AuditRulesError) -> String {
        guard data.count <= maxBytes else { throw .tooLarge(file: file, bytes: data.count, limit: maxBytes) }
        guard let text = String(validating: data, as: UTF8.self) else { throw .notUTF8(file: file) }
        return text
    }

    /// Parses one YAML document and hands its root to `body` while the parser is alive (Yams keeps
    /// anchors only as weak references, so the anchor check must run before the parser goes away).
    package static func withRoot<T>(_ text: String, file: String,
                            _ body: (Node) throws(AuditRulesError) -> T) throws(AuditRulesError) -> T {
        guard text.utf8.count <= maxBytes else { throw .tooLarge(file: file, bytes: text.utf8.count, limit: maxBytes) }
        let parser: Parser
        let root: Node?
        do {
            // Values are read from the scalars' text and style, never from resolved tags, so the basic
            // resolver (no regular expression per scalar) gives the same documents several times faster.
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .syntax(file: file, line: nil, message: "\(error)")
        }
        guard let root else { throw .invalid(file: file, line: 1, message: "the file is empty") }
        var count = 0
        try checkTree(root, file: file, count: &count)
        let result = try body(root)
        withExtendedLifetime(parser) {}
        return result
    }

    private static func checkTree(_ node: Node, file: String, count: inout Int) throws(AuditRulesError) {
        count += 1
        if count > maxNodes {
            throw .invalid(file: file, line: node.mark?.line, message: "too many YAML nodes (limit \(maxNodes))")
        }
        if node.anchor != nil {
            throw .invalid(file: file, line: node.mark?.line, message: "YAML anchors and aliases are not allowed")
        }
        switch node {
        case .scalar, .alias: return
        case .sequence(let seq): for child in seq { try checkTree(child, file: file, count: &count) }
        case .mapping(let map):
            for (key, value) in map {
                try checkTree(key, file: file, count: &count)
                try checkTree(value, file: file, count: &count)
            }
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> AuditRulesError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .syntax(file: file, line: mark.line, message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalid(file: file, line: context.mark.line,
                            message: "duplicate key(s) \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return .syntax(file: file, line: nil, message: problem)
        default:
            return .syntax(file: file, line: nil, message: "\(error)")
        }
    }
}
