import Foundation
import ManageReader
import ManageSimulator
import Testing
@testable import AuditRules

/// `changes[]`: what changed in the PSA between two snapshots (docs/design.md, "Baseline and drift").
@Suite struct ChangeDetectorTests {
    /// One line per change, fields in docs/design.md's order, for exact comparison.
    static func lines(_ changes: [SnapshotChange]) -> [String] {
        changes.map { change in
            ([change.kind.rawValue] + change.fields.map { "\($0.key)=\(inline($0.value))" }).joined(separator: " ")
        }
    }

    static func inline(_ value: EvidenceValue) -> String {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): String(b)
        case .null: "null"
        case .list(let items): "[" + items.map(inline).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { "\($0.key):\(inline($0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// The two demo nights, read over loopback with the real client: exactly the planted changes,
    /// in order; the re-spelled level and the change on a role only people hold are absent.
    @Test func theNextNightShowsExactlyThePlantedChanges() async throws {
        let first = try await DemoPlanTests.demoSnapshot()
        let second = try await DemoPlanTests.demoSnapshot(DemoTenant.nextNight)
        #expect(first.isComplete && second.isComplete)
        let changes = ChangeDetector.changes(from: first, to: second)
        #expect(Self.lines(changes) == [
            "apiMember change=activated identifier=OldSync id=207 from=null to=null",
            "apiMember change=added identifier=NewSync id=215 from=null to=null",
            "apiMember change=deactivated identifier=ZapierSync id=211 from=null to=null",
            "apiMember change=removed identifier=cipp-webhook id=213 from=null to=null",
            "apiMember change=roleChanged identifier=BackupAPI id=206 from=API - Backup to=API - MSP360",
            "integratorLogin change=accessChanged username=ticket-portal from={canAccessAllApisFlag:false,canAccessAllRecordsFlag:false} "
                + "to={canAccessAllApisFlag:true,canAccessAllRecordsFlag:false}",
            "integratorLogin change=removed username=old-rmm from=null to=null",
            "rolePermission roleId=5 roleName=Power Users module=Finance function=Billing Reconciliation op=delete from=None to=All members=[PowerSync]",
            "rolePermission roleId=6 roleName=API - Email reConnector module=Finance function=Invoicing op=delete from=None to=All members=[V360API]",
            "rolePermission roleId=9 roleName=API - Read Only module=Service Desk function=Service Tickets op=edit from=My to=None members=[v360audit]",
            "scannerPermission module=Service Desk function=Service Tickets op=edit from=My to=None",
        ])
        #expect(ChangeDetector.changes(from: first, to: first).isEmpty)
        #expect(ChangeDetector.changes(from: second, to: first).count == changes.count, "the reverse has as many changes")
    }

    @Test func rowsMatchByTrimmedCaseInsensitiveNamesAndMissingRowsAreNone() {
        let before = T.snapshot(members: [T.apiMember(1, "Bot", role: 5), T.apiMember(2, "Zed", role: 5)], roles: [
            SecurityRole(id: 5, name: "R", settings: [T.row("Finance", "Invoicing", "All", "My"), T.row("Sales", "Orders", "Mine"),
                                                     T.row("X", "Gone", "All")]),
        ])
        let after = T.snapshot(members: [T.apiMember(1, "Bot", role: 5), T.apiMember(2, "Zed", role: 5)], roles: [
            SecurityRole(id: 5, name: "R", settings: [T.row(" finance ", "INVOICING", "ALL", "All"), T.row("Sales", "Orders", "Mine", nil, "weird"),
                                                     T.row("Y", "New", nil, nil, nil, "Mine")]),
        ])
        // Re-spelled `ALL` is no change; an unknown string ranks as All; labels are shown trimmed.
        #expect(Self.lines(ChangeDetector.changes(from: before, to: after)) == [
            "rolePermission roleId=5 roleName=R module=Sales function=Orders op=edit from=None to=weird members=[Bot,Zed]",
            "rolePermission roleId=5 roleName=R module=X function=Gone op=inquire from=All to=None members=[Bot,Zed]",
            "rolePermission roleId=5 roleName=R module=Y function=New op=delete from=None to=Mine members=[Bot,Zed]",
            "rolePermission roleId=5 roleName=R module=finance function=INVOICING op=add from=My to=All members=[Bot,Zed]",
        ])
    }

    @Test func onlyRolesHeldByActiveAPIMembersInEitherSnapshotAreWatched() {
        let rows = [T.row("Finance", "Invoicing", "None")]
        let wider = [T.row("Finance", "Invoicing", "All")]
        let roles = { (r: [RoleSetting]) in [SecurityRole(id: 1, name: "People", settings: r), SecurityRole(id: 2, name: "Old", settings: r),
                                              SecurityRole(id: 3, name: "Left", settings: r)] }
        // Role 1: people only. Role 2: an inactive API member only. Role 3: its API member moved away tonight.
        let before = T.snapshot(members: [T.apiMember(10, "human", role: 1, license: "F"), T.apiMember(11, "Idle", role: 2, inactive: true),
                                          T.apiMember(12, "Mover", role: 3)], roles: roles(rows))
        let after = T.snapshot(members: [T.apiMember(10, "human", role: 1, license: "F"), T.apiMember(11, "Idle", role: 2, inactive: true),
                                         T.apiMember(12, "Mover", role: 1, license: "F")], roles: roles(wider))
        let lines = Self.lines(ChangeDetector.changes(from: before, to: after))
        #expect(lines.contains("rolePermission roleId=3 roleName=Left module=Finance function=Invoicing op=inquire from=None to=All members=[]"))
        #expect(!lines.contains { $0.contains("roleId=1") || $0.contains("roleId=2") })
        #expect(lines.contains("apiMember change=removed identifier=Mover id=12 from=null to=null"), "\(lines)")
    }

    @Test func membersAndLoginsMatchByIdElseName() {
        let before = T.snapshot(members: [T.apiMember(1, "Renamed", role: 5), T.apiMember(2, "Moved", role: 5)],
                                roles: [SecurityRole(id: 5, name: "R"), SecurityRole(id: 6, name: "S")],
                                logins: [IntegratorLogin(id: 1, username: "a"), IntegratorLogin(id: 2, username: "b", canAccessAllRecordsFlag: true)])
        let after = T.snapshot(members: [T.apiMember(1, "NewName", role: 5), T.apiMember(9, "moved", role: 6)],
                               roles: [SecurityRole(id: 5, name: "R"), SecurityRole(id: 6, name: "S")],
                               logins: [IntegratorLogin(id: 1, username: "a2", inactiveFlag: true), IntegratorLogin(id: 7, username: "B")])
        #expect(Self.lines(ChangeDetector.changes(from: before, to: after)) == [
            "apiMember change=roleChanged identifier=moved id=9 from=R to=S",
            "integratorLogin change=accessChanged username=B from={canAccessAllApisFlag:false,canAccessAllRecordsFlag:true} "
                + "to={canAccessAllApisFlag:false,canAccessAllRecordsFlag:false}",
            "integratorLogin change=deactivated username=a2 from=null to=null",
        ])
    }

    @Test func aScannerThatWasNotReadChangesNothing() {
        let scanner = ScannerSecurity(member: nil, settings: [T.row("System", "Members", "All", "All")])
        let before = T.snapshot(scanner: scanner), after = T.snapshot(scanner: nil)
        #expect(ChangeDetector.changes(from: before, to: after).isEmpty)
        let tighter = T.snapshot(scanner: ScannerSecurity(member: nil, settings: [T.row("System", "Members", "All")]))
        #expect(Self.lines(ChangeDetector.changes(from: before, to: tighter)) == [
            "scannerPermission module=System function=Members op=add from=All to=None",
        ])
    }

    @Test func orderIsDeterministicWhateverTheInputOrder() {
        var generator = SystemRandomNumberGenerator()
        let members = (1...30).map { T.apiMember($0, "M\($0)", role: $0 % 3 + 1) }
        let roles = (1...3).map { SecurityRole(id: $0, name: "R\($0)", settings: (1...10).map { T.row("Mod\($0 % 4)", "F\($0)", "None") }) }
        let wider = (1...3).map { SecurityRole(id: $0, name: "R\($0)", settings: (1...10).map { T.row("Mod\($0 % 4)", "F\($0)", "All", "My") }) }
        let before = T.snapshot(members: members, roles: roles)
        let expected = ChangeDetector.changes(from: before, to: T.snapshot(members: members.filter { $0.id % 5 != 0 }, roles: wider))
        #expect(expected.count > 60)
        for _ in 0..<5 {
            let shuffled = T.snapshot(members: members.filter { $0.id % 5 != 0 }.shuffled(using: &generator),
                                      roles: wider.shuffled(using: &generator).map { role in
                                          SecurityRole(id: role.id, name: role.name, settings: (role.settings ?? []).reversed()) })
            #expect(ChangeDetector.changes(from: before, to: shuffled) == expected)
        }
        #expect(expected == expected.sorted())
    }
}
