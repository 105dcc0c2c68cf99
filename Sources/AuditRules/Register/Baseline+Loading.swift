import Foundation
import ManageReader
import V360Core

extension Baseline {
    /// The `format` a JSON report carries.
    public static let reportFormat = "v360audit-report"

    /// Reports and snapshots can be large; anything beyond this is neither.
    static let maxBytes = 512 << 20

    private struct Header: Decodable {
        struct Tool: Decodable { var name: String? }
        var format: String?
        var schemaVersion: Int?
        var tool: Tool?
    }

    private struct Report: Decodable {
        var findings: [Finding]
    }

    /// Loads a report or a snapshot, told apart by `format` (files written before `format`
    /// existed: a report by its `tool`, a snapshot by its `schemaVersion`).
    /// - Throws: `AuditRulesError` naming the file (and line, for syntax errors) for anything else.
    public static func load(from url: URL) throws(AuditRulesError) -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, fileName: url.path)
    }

    /// Decodes a report or snapshot.
    public static func parse(_ data: Data, fileName: String) throws(AuditRulesError) -> Baseline {
        guard data.count <= maxBytes else { throw .tooLarge(file: fileName, bytes: data.count, limit: maxBytes) }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            // The decoder says nothing about where; the one locator finds the spot.
            let syntax = JSONErrorLocator.firstSyntaxError(in: data, file: fileName)
            throw .syntax(file: fileName, line: syntax?.line,
                          message: syntax.map { "not valid JSON \($0.problemAtColumn)" }
                              ?? "not valid JSON: \(context.debugDescription)")
        } catch {
            throw .invalid(file: fileName, line: 1, message: "not a v360audit report or snapshot: the file is not a JSON object "
                           + "with a `format` field")
        }
        switch header.format {
        case reportFormat?: return Baseline(.report(try findings(data, fileName: fileName)), fileName: fileName)
        case TenantSnapshot.formatName?: return Baseline(.snapshot(try snapshot(data, fileName: fileName)), fileName: fileName)
        case let other?:
            throw .invalid(file: fileName, line: 1, message: "format \"\(other)\" is neither a v360audit report "
                           + "(\(reportFormat)) nor a snapshot (\(TenantSnapshot.formatName))")
        case nil where header.tool?.name == "v360audit":
            return Baseline(.report(try findings(data, fileName: fileName)), fileName: fileName)
        case nil where header.schemaVersion != nil:
            return Baseline(.snapshot(try snapshot(data, fileName: fileName)), fileName: fileName)
        case nil:
            throw .invalid(file: fileName, line: 1, message: "not a v360audit report or snapshot: no `format` field "
                           + "(pass a v360audit.json report or a file written by --save-snapshot / `v360audit snapshot`)")
        }
    }

    private static func snapshot(_ data: Data, fileName: String) throws(AuditRulesError) -> TenantSnapshot {
        do {
            return try SnapshotStore.decode(data, fileName: fileName)
        } catch .invalidSnapshot(_, let line, let path, let detail) {
            throw .invalid(file: fileName, line: line, message: "invalid baseline snapshot" + (path.map { " at \($0)" } ?? "") + ": \(detail)")
        } catch {
            throw .invalid(file: fileName, line: nil, message: "invalid baseline snapshot: \(error)")
        }
    }

    private static func findings(_ data: Data, fileName: String) throws(AuditRulesError) -> [Finding] {
        do {
            return try JSONDecoder().decode(Report.self, from: data).findings
        } catch let error as DecodingError {
            throw .invalid(file: fileName, line: nil, message: "not a v360audit JSON report: \(describe(error))")
        } catch {
            throw .invalid(file: fileName, line: nil, message: "not a v360audit JSON report: \(error)")
        }
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
