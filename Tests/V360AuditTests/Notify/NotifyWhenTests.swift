import AuditRules
@testable import Reports
import Testing
@testable import V360Audit

/// `--notify-when` on results built in code, including a change in the PSA with nothing new.
@Suite struct NotifyWhenTests {
    static func context(drift: Finding.Drift?, changes: [SnapshotChange]?, failOn: FailThreshold = .never,
                        complete: Bool = true) -> ReportContext {
        var result = ResultFixtures.manyFindings(2)
        result.complete = complete
        result.hasBaseline = drift != nil
        for index in result.findings.indices { result.findings[index].drift = drift }
        result.changes = changes
        return ResultFixtures.context(result, failOn: failOn)
    }

    static let change = SnapshotChange(kind: .integratorLogin, fields: [EvidenceField("change", .string("removed")),
                                                                         EvidenceField("username", .string("old-rmm")),
                                                                         EvidenceField("from", .null), EvidenceField("to", .null)])

    @Test func changedMeansFailedIncompleteNewOrAChange() {
        #expect(!NotifyWhen.changed.shouldNotify(Self.context(drift: .unchanged, changes: [])))
        #expect(!NotifyWhen.changed.shouldNotify(Self.context(drift: .unchanged, changes: nil)))
        #expect(NotifyWhen.changed.shouldNotify(Self.context(drift: .unchanged, changes: [Self.change])))
        #expect(NotifyWhen.changed.shouldNotify(Self.context(drift: .new, changes: [])))
        #expect(NotifyWhen.changed.shouldNotify(Self.context(drift: nil, changes: nil)))
        #expect(NotifyWhen.changed.shouldNotify(Self.context(drift: .unchanged, changes: [], failOn: .high)))
        #expect(NotifyWhen.changed.shouldNotify(Self.context(drift: .unchanged, changes: [], complete: false)))
    }

    @Test func failedAndAlways() {
        let quiet = Self.context(drift: .unchanged, changes: [Self.change])
        #expect(!NotifyWhen.failed.shouldNotify(quiet))
        #expect(NotifyWhen.always.shouldNotify(quiet))
        #expect(NotifyWhen.failed.shouldNotify(Self.context(drift: .unchanged, changes: [], complete: false)))
        #expect(NotifyWhen.failed.shouldNotify(Self.context(drift: nil, changes: nil, failOn: .high)))
    }

    /// A fleet: any tenant failed or incomplete, or anything new in any tenant (a tenant without a
    /// baseline has every open finding new).
    @Test func aFleetIsToldWhenAnyTenantWouldBe() {
        func fleet(_ tenants: FleetTenant...) -> FleetSummary { FleetSummary(tenants: tenants) }
        func quiet(_ name: String, new: Int = 0, changes: Int? = 0) -> FleetTenant {
            var tenant = FleetReportTests.tenant(name, exit: 0)
            tenant.summary?.open = 1
            tenant.drift = FleetTenant.Drift(new: new, resolved: 0, changes: changes)
            return tenant
        }
        let calm = fleet(quiet("a"), quiet("b", changes: nil))
        #expect(!NotifyWhen.changed.shouldNotify(calm) && !NotifyWhen.failed.shouldNotify(calm) && NotifyWhen.always.shouldNotify(calm))
        for busy in [fleet(quiet("a"), quiet("b", new: 1)), fleet(quiet("a"), quiet("b", changes: 2)),
                     fleet(quiet("a"), FleetReportTests.tenant("no-baseline", exit: 0, high: 1))] {
            #expect(NotifyWhen.changed.shouldNotify(busy) && !NotifyWhen.failed.shouldNotify(busy))
        }
        #expect(!NotifyWhen.changed.shouldNotify(fleet(quiet("a"), FleetReportTests.tenant("clean-no-baseline", exit: 0))))
        for failed in [fleet(quiet("a"), FleetReportTests.tenant("b", exit: 1, high: 1)),
                       fleet(quiet("a"), FleetReportTests.tenant("b", exit: 2, error: "members: 500")),
                       fleet(quiet("a"), FleetReportTests.tenant("b", exit: 64, error: "bad register"))] {
            #expect(NotifyWhen.changed.shouldNotify(failed) && NotifyWhen.failed.shouldNotify(failed))
        }
    }

    @Test func changeLinesReadAsSentences() {
        #expect(ChangeLine.text(Self.change) == "Integrator login old-rmm: removed")
        let role = SnapshotChange(kind: .rolePermission, fields: [
            EvidenceField("roleId", .int(3)), EvidenceField("roleName", .string("API - Email")),
            EvidenceField("module", .string("Finance")), EvidenceField("function", .string("Invoicing")),
            EvidenceField("op", .string("delete")), EvidenceField("from", .string("None")), EvidenceField("to", .string("All")),
            EvidenceField("members", .list([.string("V360API")])),
        ])
        #expect(ChangeLine.text(role) == "Role API - Email: Finance / Invoicing delete: None → All (API members: V360API)")
    }
}
