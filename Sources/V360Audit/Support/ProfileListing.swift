import AuditRules
import Foundation
import V360Core

/// `profiles list` output: an aligned text table, or a JSON array with every field.
enum ProfileListing {
    /// Columns id, name, vendor, verified, source; one profile per line.
    static func table(_ profiles: [ToolProfile]) -> String {
        let header = ["ID", "NAME", "VENDOR", "VERIFIED", "SOURCE"]
        let rows = profiles.map { [$0.id, $0.name, $0.vendor, $0.verified ? "yes" : "no", $0.source] }
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            (0..<4).map { cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + cells[4]
        }.joined(separator: "\n")
    }

    /// One object per profile, keys sorted, so the output is stable.
    static func json(_ profiles: [ToolProfile]) throws -> String {
        let items = profiles.map { profile in
            Item(id: profile.id, name: profile.name, vendor: profile.vendor, verified: profile.verified,
                 source: profile.source, references: profile.references, notes: profile.notes,
                 hints: .init(members: profile.hints.members, roles: profile.hints.roles),
                 features: Array(Set(profile.permissions.compactMap(\.feature))).sorted(),
                 rows: profile.permissions.count)
        }
        return try JSONOutput.text(items)
    }

    private struct Item: Encodable {
        struct Hints: Encodable {
            var members: [String]
            var roles: [String]
        }

        var id, name, vendor: String
        var verified: Bool
        var source: String
        var references: [String]
        var notes: String?
        var hints: Hints
        var features: [String]
        var rows: Int
    }
}
