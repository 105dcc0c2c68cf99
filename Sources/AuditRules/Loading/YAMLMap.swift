import Foundation
import Yams
import V360Core

/// A strict view of one YAML mapping: unknown keys, wrong types and missing fields become
/// `AuditRulesError.invalid` naming the file and the line of the offending node.
/// `package` so the CLI's tenants file is decoded as strictly as every other input.
package struct YAMLMap {
    /// The file the mapping came from (for error messages).
    package let file: String
    /// The line of the mapping itself.
    package let line: Int?
    /// What the mapping is, for messages ("rule", "tool profile", "register key 3").
    package let what: String
    private let entries: [String: (key: Node, value: Node)]

    /// Wraps `node`, refusing anything but a mapping with string keys drawn from `allowed`.
    package init(_ node: Node, file: String, what: String, allowed: [String]) throws(AuditRulesError) {
        guard case .mapping(let mapping) = node else {
            throw .invalid(file: file, line: node.mark?.line, message: "\(what) must be a mapping")
        }
        self.file = file
        self.what = what
        line = node.mark?.line
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw .invalid(file: file, line: key.mark?.line, message: "\(what): keys must be plain strings")
            }
            guard allowed.contains(scalar.string) else {
                let list = allowed.joined(separator: ", ")
                throw .invalid(file: file, line: key.mark?.line,
                               message: "\(what): unknown key '\(scalar.string)' (allowed: \(list))")
            }
            entries[scalar.string] = (key, value)
        }
        self.entries = entries
    }

    /// The value node of `key`, or nil when absent or null.
    package func node(_ key: String) -> Node? {
        guard let value = entries[key]?.value, !YAMLMap.isNull(value) else { return nil }
        return value
    }

    /// True when `key` is present, even with a null value.
    package func has(_ key: String) -> Bool { entries[key] != nil }

    /// The line of `key`'s value (or of the mapping when absent).
    package func line(of key: String) -> Int? { entries[key]?.value.mark?.line ?? line }

    /// Throws a schema error located at `key`.
    package func fail(_ key: String, _ message: String) -> AuditRulesError {
        .invalid(file: file, line: line(of: key), message: "\(what): '\(key)' \(message)")
    }

    /// A required non-empty string.
    package func requiredString(_ key: String) throws(AuditRulesError) -> String {
        guard let value = try string(key) else {
            throw .invalid(file: file, line: line, message: "\(what): missing required key '\(key)'")
        }
        return value
    }

    /// An optional string (any scalar; trimmed; empty counts as absent for required checks).
    package func string(_ key: String) throws(AuditRulesError) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else { throw fail(key, "must be a string") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// An optional boolean written `true` or `false`.
    package func bool(_ key: String) throws(AuditRulesError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain else { throw fail(key, "must be true or false") }
        switch scalar.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw fail(key, "must be true or false")
        }
    }

    /// An optional decimal integer.
    package func int(_ key: String) throws(AuditRulesError) -> Int? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let int = Int(scalar.string) else {
            throw fail(key, "must be an integer")
        }
        return int
    }

    /// An optional sequence of nodes.
    package func sequence(_ key: String) throws(AuditRulesError) -> [Node]? {
        guard let value = node(key) else { return nil }
        guard case .sequence(let seq) = value else { throw fail(key, "must be a list") }
        return Array(seq)
    }

    /// An optional list of non-empty strings.
    package func stringList(_ key: String) throws(AuditRulesError) -> [String]? {
        guard let items = try sequence(key) else { return nil }
        var result: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item,
                  !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(file: file, line: item.mark?.line, message: "\(what): '\(key)' must be a list of strings")
            }
            result.append(scalar.string.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// An optional `YYYY-MM-DD` date.
    package func date(_ key: String) throws(AuditRulesError) -> CalendarDate? {
        guard let text = try string(key) else { return nil }
        guard let date = CalendarDate(text) else { throw fail(key, "must be a date YYYY-MM-DD, got '\(text)'") }
        return date
    }

    /// True for a YAML null (`~`, `null`, empty plain scalar).
    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
