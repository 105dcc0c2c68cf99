import AuditRules

/// Plain-text renderings of evidence values shared by the JUnit and Markdown reporters.
enum EvidenceText {
    /// A compact one-line rendering: strings bare, lists in `[…]`, objects as `key=value` pairs.
    static func inline(_ value: EvidenceValue) -> String {
        var text = ""
        appendInline(value, to: &text)
        return text
    }

    /// Appends into one string: overbroad-role evidence can list hundreds of entries per finding.
    private static func appendInline(_ value: EvidenceValue, to text: inout String) {
        switch value {
        case .string(let string): text += string
        case .int(let int): text += String(int)
        case .bool(let bool): text += bool ? "true" : "false"
        case .null: text += "null"
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += ", " }
                appendInline(item, to: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { text += ", " }
                text += field.key
                text += "="
                appendInline(field.value, to: &text)
            }
            text += "}"
        }
    }

    /// Multi-line text: one `key: value` line per top-level field, list items of objects indented
    /// on their own lines (used in JUnit failure bodies, which CI systems show verbatim).
    static func lines(_ value: EvidenceValue) -> [String] {
        guard case .object(let fields) = value else { return [inline(value)] }
        var lines: [String] = []
        for field in fields {
            if case .list(let items) = field.value, items.contains(where: isObject) {
                lines.append("\(field.key):")
                lines += items.map { "  - " + inline($0) }
            } else {
                lines.append("\(field.key): \(inline(field.value))")
            }
        }
        return lines
    }

    /// True for `.object` values.
    static func isObject(_ value: EvidenceValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// A human label for a resource, e.g. `member V360API (Email Bot, id 12)`.
    static func resource(_ ref: ResourceRef) -> String {
        switch ref.kind {
        case .member:
            var details: [String] = []
            if let name = ref.name, !name.isEmpty { details.append(name) }
            if let id = ref.id { details.append("id \(id)") }
            return "member \(ref.identifier)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        case .apiKey:
            let index = ref.registerIndex.map { " (register entry \($0))" } ?? ""
            return "key \"\(ref.key ?? "")\" of \(ref.identifier)\(index)"
        case .integratorLogin:
            return "integrator login \(ref.identifier)" + (ref.id.map { " (id \($0))" } ?? "")
        }
    }
}
