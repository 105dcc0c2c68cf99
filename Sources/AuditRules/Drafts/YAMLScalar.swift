import Foundation

/// Writes strings as YAML scalars for the drafts: plain where YAML reads them back unchanged,
/// double-quoted with escapes otherwise (tenant data can hold anything).
enum YAMLScalar {
    /// Words YAML 1.1 readers take for null or booleans.
    private static let reserved: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// A block-context scalar: plain for letters, digits and `-_.@ /&`, else quoted.
    static func text(_ value: String) -> String {
        isPlain(value, allowed: "-_.@ /&") ? value : quoted(value)
    }

    /// A scalar inside a flow mapping (`{ module: …, function: … }`), where `,` `{` `}` `:` would
    /// end the value: plain only for letters, digits and spaces.
    static func flowText(_ value: String) -> String {
        isPlain(value, allowed: " ") ? value : quoted(value)
    }

    private static func isPlain(_ value: String, allowed: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        return value.allSatisfy { $0.isLetter || $0.isNumber || allowed.contains($0) }
            && (first.isLetter || first.isNumber) && last != " "
            && !reserved.contains(value.lowercased()) && Double(value) == nil
    }

    /// Always double-quoted, with `"` `\` and control characters escaped.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
