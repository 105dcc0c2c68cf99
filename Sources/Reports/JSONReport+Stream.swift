import AuditRules
import Foundation

/// Writes the report through ``JSONStream``. Field for field the same document as
/// `JSONReport`'s `Encodable` conformance (the tests compare the two), so `Baseline` reads it back
/// with `Finding`'s own `Decodable`. Where docs/design.md's contract names a field, it is always present:
/// `drift` and a resource's `id` and `name` are written as null rather than left out.
extension JSONReport {
    /// Writes the report into `stream`, taking findings' evidence from `rendered` where it was rendered.
    func write(to stream: inout JSONStream, rendered: RenderedEvidence? = nil) {
        stream.object([
            ("format", { $0.string(format) }),
            ("tool", { $0.object([("name", { $0.string(tool.name) }), ("version", { $0.string(tool.version) })]) }),
            ("scan", { $0.object([
                ("source", { $0.string(scan.source) }),
                ("site", { $0.string(scan.site) }),
                ("capturedAt", { $0.string(scan.capturedAt.formatted(.iso8601)) }),
                ("snapshotSha256", { $0.string(scan.snapshotSha256) }),
                ("complete", { $0.bool(scan.complete) }),
            ]) }),
            ("gate", { $0.object([
                ("failOn", { $0.string(gate.failOn) }),
                ("failOnNew", { $0.bool(gate.failOnNew) }),
                ("passed", { $0.bool(gate.passed) }),
                ("failing", { $0.int(gate.failing) }),
            ]) }),
            ("summary", { $0.object([
                ("bySeverity", { $0.object(summary.bySeverity.map { entry in (entry.key, { $0.int(entry.value) }) }) }),
                ("open", { $0.int(summary.open) }),
                ("waived", { $0.int(summary.waived) }),
                ("resolved", { $0.int(summary.resolved) }),
            ]) }),
            ("findings", { $0.array(findings) { Self.write(&$0, $1, rendered) } }),
            ("resolved", { $0.array(resolved) { Self.write(&$0, $1, rendered) } }),
            ("coverage", { $0.array(coverage) { stream, entry in
                stream.object([
                    ("area", { $0.string(entry.area) }),
                    ("status", { $0.string(entry.status.rawValue) }),
                    ("detail", { $0.string(entry.detail) }),
                ])
            } }),
            ("inventory", { $0.array(inventory, Self.write) }),
            ("plan", { $0.array(plan, Self.write) }),
            ("changes", { Self.write(&$0, changes) }),
        ])
        stream.newlineAtEnd()
    }

    /// `changes`: null without a snapshot baseline, else each change as its JSON object.
    private static func write(_ stream: inout JSONStream, _ changes: [SnapshotChange]?) {
        guard let changes else { return stream.null() }
        let objects: [EvidenceValue] = changes.map(\.object)
        stream.array(objects) { (inner: inout JSONStream, value: EvidenceValue) in write(&inner, value) }
    }

    /// The `evidence` value of a finding as the report writes it (findings are objects in a
    /// top-level array: three containers deep).
    static func evidenceJSON(_ evidence: EvidenceValue) -> [UInt8] {
        var stream = JSONStream(level: 3)
        write(&stream, evidence)
        return stream.bytes
    }

    private static func write(_ stream: inout JSONStream, _ finding: Finding, _ rendered: RenderedEvidence?) {
        var fields: [JSONStream.Field] = [
            ("ruleId", { $0.string(finding.ruleId) }),
            ("severity", { $0.string(finding.severity.rawValue) }),
            ("status", { $0.string(finding.status.rawValue) }),
            ("resource", { write(&$0, finding.resource) }),
            ("message", { $0.string(finding.message) }),
            ("evidence", { stream in
                if let bytes = rendered?.json(finding) { stream.append(rendered: bytes) } else { write(&stream, finding.evidence) }
            }),
            ("fingerprint", { $0.string(finding.fingerprint) }),
        ]
        if let waiver = finding.waiver {
            var waiverFields: [JSONStream.Field] = [("id", { $0.string(waiver.id) }), ("reason", { $0.string(waiver.reason) })]
            let optional: [(String, String?)] = [("owner", waiver.owner), ("created", waiver.created), ("expires", waiver.expires),
                                                 ("ticket", waiver.ticket), ("fingerprint", waiver.fingerprint)]
            for (key, value) in optional {
                if let value { waiverFields.append((key, { $0.string(value) })) }
            }
            fields.append(("waiver", { $0.object(waiverFields) }))
        }
        fields.append(("drift", { stream in finding.drift.map { stream.string($0.rawValue) } ?? stream.null() }))
        stream.object(fields)
    }

    private static func write(_ stream: inout JSONStream, _ resource: ResourceRef) {
        var fields: [JSONStream.Field] = [
            ("kind", { $0.string(resource.kind.rawValue) }),
            ("id", { stream in resource.id.map { stream.int($0) } ?? stream.null() }),
            ("identifier", { $0.string(resource.identifier) }),
            ("name", { stream in resource.name.map { stream.string($0) } ?? stream.null() }),
        ]
        if let key = resource.key { fields.append(("key", { $0.string(key) })) }
        if let index = resource.registerIndex { fields.append(("registerIndex", { $0.int(index) })) }
        stream.object(fields)
    }

    private static func write(_ stream: inout JSONStream, _ value: EvidenceValue) {
        switch value {
        case .string(let string): stream.string(string)
        case .int(let int): stream.int(int)
        case .bool(let bool): stream.bool(bool)
        case .null: stream.null()
        case .list(let items): stream.array(items, write)
        case .object(let fields): stream.object(fields, write)
        }
    }

    private static func write(_ stream: inout JSONStream, _ row: InventoryRow) {
        var fields: [JSONStream.Field] = [
            ("member", { write(&$0, row.member) }),
            ("active", { $0.bool(row.active) }),
            ("roleIsAdmin", { $0.bool(row.roleIsAdmin) }),
            ("tools", { $0.array(row.tools) { $0.string($1) } }),
            ("keyCount", { $0.int(row.keyCount) }),
            ("findingRuleIds", { $0.array(row.findingRuleIds) { $0.string($1) } }),
        ]
        if let roleId = row.roleId { fields.append(("roleId", { $0.int(roleId) })) }
        if let roleName = row.roleName { fields.append(("roleName", { $0.string(roleName) })) }
        stream.object(fields)
    }
}
