import Foundation
import ManageReader
import V360Core

/// A first key register written from the PSA itself: one entry per active API member, the tool
/// guessed from the profiles' `hints`, else from a profile the member's role grants exactly.
///
/// The scanner's own member (the `member` of `/system/mySecurity`) gets the bundled `v360audit`
/// profile, so the scanner is audited by the same rules as every tool. The draft is valid register
/// YAML as it is (a `TODO` tool is "tool not set yet": not evaluated, never a missing profile),
/// so a scan with it never exits 64; the comments tell the MSP what to check, and a `TODO`
/// entry's comment names the three profiles closest to what its role grants.
public struct RegisterDraft: Sendable {
    /// One drafted entry.
    public struct Entry: Sendable, Equatable {
        /// Member identifier.
        public var member: String
        /// The guessed tool id, or nil (`TODO`).
        public var tool: String?
        /// How the tool was guessed, as a sentence for the comment.
        public var reason: String
    }

    /// Entries sorted by member identifier (case-insensitive).
    public var entries: [Entry]
    /// The PSA site, for the header.
    public var site: String
    /// The snapshot's capture date.
    public var captured: CalendarDate

    /// Drafts a register for `snapshot` with the profiles of `pack`.
    public init(pack: RulePack, snapshot: TenantSnapshot) {
        let ctx = AuditContext(pack: pack, snapshot: snapshot, register: nil)
        let profiles = pack.tools.values.sorted { $0.id.lowercased() < $1.id.lowercased() }
        site = snapshot.source.site
        captured = ctx.captureDate
        entries = ctx.activeAPIMembers
            .sorted { ($0.identifier.lowercased(), $0.identifier) < ($1.identifier.lowercased(), $1.identifier) }
            .map { Self.guess($0, ctx, profiles) }
    }

    /// The bundled profile of exactly what a scan reads, given to the scanner's own member.
    public static let scannerTool = "v360audit"

    private static func guess(_ member: MemberView, _ ctx: AuditContext, _ profiles: [ToolProfile]) -> Entry {
        let role = member.role?.id.flatMap { ctx.rolesById[$0] }
        let roleName = role?.name ?? member.role?.name
        func same(_ a: String?, _ b: String) -> Bool {
            a.map { $0.trimmingCharacters(in: .whitespaces).lowercased() == b.lowercased() } ?? false
        }
        let scanner = ctx.snapshot.scanner?.member?.identifier.map { same(member.identifier, $0) } ?? false
        if scanner {
            return Entry(member: member.identifier, tool: scannerTool,
                         reason: "the member this scan ran as (/system/mySecurity): the scanner's own key, audited "
                             + "against the \(scannerTool) profile (inquire only)")
        }
        var hinted: [(ToolProfile, String)] = []
        for profile in profiles {
            if let hint = profile.hints.members.first(where: { same(member.identifier, $0) || same(member.name, $0) }) {
                hinted.append((profile, "member name '\(hint)'"))
            } else if let hint = profile.hints.roles.first(where: { same(roleName, $0) }) {
                hinted.append((profile, "role name '\(hint)'"))
            }
        }
        if let (profile, what) = hinted.first {
            return Entry(member: member.identifier, tool: profile.id,
                         reason: "tool from the \(profile.id) profile's hint: the vendor suggests the \(what)"
                             + others(hinted.dropFirst().map(\.0.id)))
        }
        guard let role else {
            return Entry(member: member.identifier, tool: nil,
                         reason: "no profile hint matches and its role is not in the role list; set the tool id")
        }
        guard let rows = role.settings else {
            return Entry(member: member.identifier, tool: nil,
                         reason: "no profile hint matches and the settings of role '\(role.name)' were not read; set the tool id")
        }
        let exact = profiles.filter { ctx.grantsExactly(rows, roleId: role.id, profile: $0) }
        if let first = exact.first {
            return Entry(member: member.identifier, tool: first.id,
                         reason: "tool from its role '\(role.name)', which grants exactly what the \(first.id) profile lists"
                             + others(exact.dropFirst().map(\.id)))
        }
        let closest = ctx.closestProfiles(rows, roleId: role.id, profiles: profiles)
            .map { "\($0.profile.id) (\($0.rows) row\($0.rows == 1 ? "" : "s") to change)" }
        return Entry(member: member.identifier, tool: nil,
                     reason: "no profile hint matches and its role '\(role.name)' matches no profile's list exactly"
                         + (closest.isEmpty ? "" : "; closest profiles: " + closest.joined(separator: ", "))
                         + "; set the tool id (v360audit profiles list), one entry per key")
    }

    private static func others(_ ids: [String]) -> String {
        ids.isEmpty ? "" : " (also fits: \(ids.joined(separator: ", ")))"
    }

    /// The draft as register YAML with a comment per entry.
    public var yaml: String {
        var lines = [
            "# Key register draft written by v360audit from \(site), captured \(captured).",
            "# One entry per active API member. For each: set description to the key's description",
            "# (System > Members > API Members > the member > API Keys), set owner, check the tool id,",
            "# and add one entry per further key of the member. Then: v360audit scan --register <this file>",
            "keys:",
        ]
        if entries.isEmpty { lines[lines.count - 1] = "keys: []" }
        for entry in entries {
            lines.append("  # \(Self.comment(entry.member)): \(Self.comment(entry.reason))")
            lines.append("  - member: \(YAMLScalar.text(entry.member))")
            lines.append("    description: TODO")
            lines.append("    tool: \(YAMLScalar.text(entry.tool ?? "TODO"))")
            lines.append("    owner: TODO")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A comment keeps to one line whatever the tenant data holds.
    private static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
