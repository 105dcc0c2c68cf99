import AuditRules

/// Plain-text renderings of evidence values shared by the JUnit and Markdown reporters.
enum EvidenceText {
    /// A compact one-line rendering: strings bare, lists in `[…]`, objects as `key=value` pairs.
    static func inline(_ value: EvidenceValue) -> String {
        inline(value, stoppingAfter: .max)
    }

    /// The start of ``inline(_:)``: list items and object fields stop once `limit` bytes are written
    /// (whole strings only, so it is valid UTF-8). For cells that are clipped anyway: an excess list
    /// runs to tens of kilobytes, of which a Markdown cell shows 200 characters.
    static func inline(_ value: EvidenceValue, stoppingAfter limit: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        appendInline(value, limit: limit, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends UTF-8 into one buffer: overbroad-role evidence can list hundreds of entries per
    /// finding, and byte appends cost a fraction of `String` appends.
    private static func appendInline(_ value: EvidenceValue, limit: Int = .max, to out: inout [UInt8]) {
        switch value {
        case .string(let string): out.append(contentsOf: string.utf8)
        case .int(let int): out.append(contentsOf: String(int).utf8)
        case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if out.count >= limit { return }
                if index > 0 { out.append(UInt8(ascii: ",")); out.append(0x20) }
                appendInline(item, limit: limit, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if out.count >= limit { return }
                if index > 0 { out.append(UInt8(ascii: ",")); out.append(0x20) }
                out.append(contentsOf: field.key.utf8)
                out.append(UInt8(ascii: "="))
                appendInline(field.value, limit: limit, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Multi-line text: one `key: value` line per top-level field, list items of objects indented
    /// on their own lines (used in JUnit failure bodies, which CI systems show verbatim). Each line
    /// is written as `indent`, the line and a newline.
    static func appendLines(_ value: EvidenceValue, indent: String, to out: inout [UInt8]) {
        guard case .object(let fields) = value else {
            out.append(contentsOf: indent.utf8)
            appendInline(value, to: &out)
            out.append(0x0A)
            return
        }
        for field in fields {
            out.append(contentsOf: indent.utf8)
            out.append(contentsOf: field.key.utf8)
            out.append(UInt8(ascii: ":"))
            if case .list(let items) = field.value, items.contains(where: isObject) {
                out.append(0x0A)
                for item in items {
                    out.append(contentsOf: indent.utf8)
                    out.append(contentsOf: "  - ".utf8)
                    appendInline(item, to: &out)
                    out.append(0x0A)
                }
            } else {
                out.append(0x20)
                appendInline(field.value, to: &out)
                out.append(0x0A)
            }
        }
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
