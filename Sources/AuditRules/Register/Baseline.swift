import Foundation

/// A previous `v360audit.json` report, used to tell new findings from known ones.
///
/// Only the report's `findings` array is read (decoded with `Finding`'s own Codable conformance);
/// other top-level fields are ignored, so the report format can grow without breaking baselines.
public struct Baseline: Sendable {
    /// The baseline's findings.
    public var findings: [Finding]

    /// Creates a baseline from findings.
    public init(findings: [Finding]) { self.findings = findings }

    /// Reports can be large; anything beyond this is not a report.
    static let maxBytes = 256 << 20

    private struct Report: Decodable {
        var findings: [Finding]
    }

    /// Loads a JSON report.
    /// - Throws: `AuditRulesError` naming the file (and line, for syntax errors) when it is not a report.
    public static func load(from url: URL) throws(AuditRulesError) -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, fileName: url.path)
    }

    /// Decodes report JSON.
    public static func parse(_ data: Data, fileName: String) throws(AuditRulesError) -> Baseline {
        guard data.count <= maxBytes else { throw .tooLarge(file: fileName, bytes: data.count, limit: maxBytes) }
        do {
            return Baseline(findings: try JSONDecoder().decode(Report.self, from: data).findings)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .syntax(file: fileName, line: JSONErrorLocator.firstErrorLine(data),
                          message: "not valid JSON: \(context.debugDescription)")
        } catch let error as DecodingError {
            throw .invalid(file: fileName, line: nil, message: "not a v360audit JSON report: \(describe(error))")
        } catch {
            throw .invalid(file: fileName, line: nil, message: "not a v360audit JSON report: \(error)")
        }
    }

    /// Marks each finding `new` or `unchanged` (by `Finding.identity`), lists the baseline's open
    /// findings that no longer occur as `resolved`, and sets `hasBaseline`.
    public func apply(to result: AuditResult) -> AuditResult {
        let known = Set(findings.map(\.identity))
        var updated = result
        func mark(_ finding: Finding) -> Finding {
            var f = finding
            f.drift = known.contains(f.identity) ? .unchanged : .new
            return f
        }
        updated.findings = result.findings.map(mark)
        updated.rules = result.rules.map { rule in
            RuleResult(rule: rule.rule, cases: rule.cases.map { c in
                guard case .failed(let f) = c.outcome else { return c }
                return RuleCase(resource: c.resource, outcome: .failed(mark(f)))
            })
        }
        let current = Set(result.findings.map(\.identity))
        var seen = Set<String>()
        updated.resolved = findings
            .filter { $0.status == .open && !current.contains($0.identity) && seen.insert($0.identity).inserted }
            .map { var f = $0; f.drift = nil; return f }
            .sorted { ($0.ruleId, $0.resource) < ($1.ruleId, $1.resource) }
        updated.hasBaseline = true
        return updated
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let c): return "missing '\(key.stringValue)' at \(path(c).isEmpty ? "top level" : path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "\(c.debugDescription) at \(path(c).isEmpty ? "top level" : path(c))"
        @unknown default: return "\(error)"
        }
    }
}
