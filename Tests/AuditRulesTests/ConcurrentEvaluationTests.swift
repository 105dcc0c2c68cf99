import ManageReader
import Testing
@testable import AuditRules

/// `EvaluationOutput.concurrently` must give exactly what one sequential loop gives: cases and
/// coverage in item order, `incomplete` from any chunk.
@Suite struct ConcurrentEvaluationTests {
    /// A loop body touching every part of an output, differently per item.
    static let body: @Sendable (Int, inout EvaluationOutput) -> Void = { item, out in
        let resource = ResourceRef(kind: .member, id: item, identifier: "m\(item)")
        switch item % 4 {
        case 0: out.pass(resource)
        case 1: out.skip(resource, "reason \(item)")
        case 2:
            out.coverage.append(CoverageEntry(area: "area-\(item)", status: .notEvaluated, detail: "detail \(item)"))
            out.pass(resource)
        default:
            if item % 7 == 3 {
                out.error(resource, DataProblem(endpoint: "/e/\(item)", status: 500, detail: "failed"))
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3, 7, 8, 9, 31, 100, 1001])
    func chunkedEqualsSequential(_ count: Int) {
        let items = Array(0..<count)
        var sequential = EvaluationOutput()
        for item in items { Self.body(item, &sequential) }
        let concurrent = EvaluationOutput.concurrently(items, Self.body)
        #expect(concurrent.cases == sequential.cases)
        #expect(concurrent.coverage == sequential.coverage)
        #expect(concurrent.incomplete == sequential.incomplete)
    }

    @Test func incompleteFromOneChunkOnly() {
        let items = Array(0..<50).map { $0 == 49 ? 3 : 0 }
        let output = EvaluationOutput.concurrently(items, Self.body)
        #expect(output.incomplete)
        #expect(output.cases.count == 50)
    }
}
