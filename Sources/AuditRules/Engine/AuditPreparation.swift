import Foundation
import ManageReader
import V360Core

/// A ``ReadObserver`` that starts the evaluation while the PSA is still being read: as each role's
/// settings arrive it indexes them and judges the overbroad rules for the API members holding the
/// role (their findings and fingerprints are most of a large tenant's evaluation), on a queue of
/// its own, so what is left once the read ends is checking and joining.
///
/// A live read starts before the rule pack and register have loaded, so what arrives first is
/// kept until ``begin(pack:register:)``. The result, ``PreparedEvaluation``, changes no byte of
/// what the evaluation gives (see there). Each finding judged is also handed to `whenJudged`, so
/// the reports can render its evidence meanwhile.
public final class AuditPreparation: ReadObserver {
    /// What the observer was told, in order, until it knows the inputs.
    private enum Told: Sendable {
        case members([Member]), apiMembers([APIMember]), role(SecurityRole)
    }

    private struct State: Sendable {
        var told: [Told] = []
        var prepared: PreparedEvaluation?

        mutating func take(_ part: Told) {
            guard prepared != nil else { told.append(part); return }
            switch part {
            case .members(let list): prepared?.add(members: list)
            case .apiMembers(let list): prepared?.add(apiMembers: list)
            case .role(let role): prepared?.add(role: role)
            }
        }
    }

    private let work = SerialWork(label: "v360audit.audit-preparation", State())
    private let whenJudged: (@Sendable ([Finding]) -> Void)?

    /// An observer that keeps what it is told until ``begin(pack:register:)``.
    /// - Parameter whenJudged: called on the observer's queue with each batch of findings judged.
    public init(whenJudged: (@Sendable ([Finding]) -> Void)? = nil) {
        self.whenJudged = whenJudged
    }

    /// Starts the work for `pack` and `register`, beginning with what was told so far.
    public func begin(pack: RulePack, register: KeyRegister?) {
        work.perform { [self] state in
            state.prepared = PreparedEvaluation(pack: pack, register: register)
            for part in state.told { state.take(part) }
            state.told = []
            report(&state)
        }
    }

    /// Judges nothing yet: joined with the API members list when both are in.
    public func didRead(members: [Member]) { tell(.members(members)) }

    /// Joined with the members list when both are in.
    public func didRead(apiMembers: [APIMember]) { tell(.apiMembers(apiMembers)) }

    /// Indexes the role and judges its API members (once the lists and inputs are in).
    public func didRead(role: SecurityRole) { tell(.role(role)) }

    /// The work done once everything handed over so far is done; nil when it never began.
    public func prepared() async -> PreparedEvaluation? { await work.current().prepared }

    private func tell(_ part: Told) {
        work.perform { [self] state in
            state.take(part)
            report(&state)
        }
    }

    /// Hands the findings judged since the last report to `whenJudged` (which only queues work).
    private func report(_ state: inout State) {
        guard let found = state.prepared?.takeFindings(), !found.isEmpty else { return }
        whenJudged?(found)
    }
}
