import AuditRules
import Logging
import ManageReader
import Reports
import V360Core

/// The work a live scan does while the PSA is still being read, behind one entry point: the read
/// tells ``observers`` what arrives, ``begin(pack:register:)`` starts the evaluation's share once
/// the inputs are in, and ``finish(snapshot:)`` waits for what was handed over and returns it.
///
/// Three pieces, each on a queue of its own beside the read (a large tenant's read is mostly
/// waiting on the PSA):
/// - the snapshot's lists and roles encoded (``SnapshotFragments``), so the fingerprint and
///   `--save-snapshot` only splice;
/// - the overbroad rules judged for each role's API members as the role arrives
///   (``AuditPreparation``), with the joined member lists and indexed roles;
/// - the evidence of each finding judged then rendered for the JSON, JUnit, Markdown and HTML
///   reports (``EvidenceRenderer``).
///
/// The contract, which the code relies on and the tests hold:
/// - Nothing here changes a byte of any output. Each prepared piece is kept beside the value it
///   was made from and taken only where the finished snapshot (and inputs) hold an equal value;
///   anything else is worked out again as an offline scan would.
/// - The equality checks are cheap because the values compared share storage: the read hands the
///   same arrays to the observers and to the snapshot. A change that copies them keeps the output
///   right but makes each check a deep compare.
/// - The function catalog's order matters to nothing: the preparation numbers entries as roles
///   arrive, an offline scan in snapshot order, and every output names functions, never numbers.
/// - A member's needs on a role's rows do not change as later roles add entries to the catalog,
///   so a judgement made when its role arrived holds for the finished snapshot.
/// - The lists and roles may arrive in any order: roles that come before both member lists are
///   judged once the lists are in.
/// - Everything prepared is taken in a complete read: ``Prepared/reuse()`` counts what was taken
///   and what was worked out again, and the tests assert that nothing was redone and nothing was
///   left over (a check that silently stops matching shows there, not in the output).
final class ReadTimeWork: Sendable {
    private let fragments = SnapshotFragments()
    private let renderer = EvidenceRenderer()
    private let preparation: AuditPreparation

    /// Nothing read yet.
    init() {
        let renderer = self.renderer
        preparation = AuditPreparation(whenJudged: { renderer.render($0) })
    }

    /// What the read tells as it goes.
    var observers: [any ReadObserver] { [fragments, preparation] }

    /// Starts the evaluation's share for the loaded inputs, beginning with what was read so far.
    func begin(pack: RulePack, register: KeyRegister?) {
        preparation.begin(pack: pack, register: register)
    }

    /// What was prepared for `snapshot`, the read of which has ended: the evaluation's share once
    /// its queue is done (the evidence and encodings go on beside the evaluation, and are waited
    /// for where they are used).
    func finish(snapshot: TenantSnapshot) async -> Prepared {
        Prepared(snapshot: snapshot, evaluation: await preparation.prepared(), renderer: renderer, fragments: fragments)
    }

    /// The finished read-time work, for the evaluation, the reports and the fingerprint.
    struct Prepared: Sendable {
        /// The snapshot the read ended with: what every piece is checked against where it is used.
        var snapshot: TenantSnapshot
        /// The evaluation's share; nil when it never began (the inputs failed to load).
        var evaluation: PreparedEvaluation?
        /// Renders the findings' evidence for the reports.
        fileprivate var renderer: EvidenceRenderer
        /// The snapshot's lists and roles encoded.
        var fragments: SnapshotFragments

        /// The snapshot's SHA-256, of its canonical encoding with the pieces encoded during the read
        /// spliced in, saved to `path` too when asked (and that save's failure, if it failed).
        func fingerprint(saveTo path: String?, logger: Logger) async -> (String, V360CoreError?) {
            await SnapshotFingerprint.compute(snapshot, fileSHA256: nil, fragments: fragments, saveTo: path, logger: logger)
        }

        /// The findings' evidence rendered for the reports, once the renderer is done.
        func renderings() async -> RenderedEvidence { await renderer.renderings() }

        /// What the scan took of each piece and what it worked out again (after the reports).
        func reuse() async -> Reuse {
            let renderings = await renderings()
            return Reuse(snapshot: await fragments.reuse(), evaluation: evaluation?.reuse ?? .init(),
                         evaluationPieces: evaluation?.pieceCount ?? 0, evidence: renderings.reuse,
                         evidenceUntaken: renderings.untaken)
        }
    }

    /// What a scan took of the read-time work.
    struct Reuse: Sendable, Equatable, CustomStringConvertible {
        /// Lists and roles spliced into the snapshot encoding, and those encoded again.
        var snapshot: ReuseTally.Counts
        /// Lists, roles and judgements the evaluation took, and those worked out again.
        var evaluation: ReuseTally.Counts
        /// How many pieces the evaluation could take.
        var evaluationPieces: Int
        /// Renderings the reporters took, and findings rendered again for want of an equal one.
        var evidence: ReuseTally.Counts
        /// Renderings no reporter took.
        var evidenceUntaken: Int

        /// True when every piece prepared was taken and none was worked out again.
        var isComplete: Bool {
            snapshot.redone == 0 && evaluation.redone == 0 && evaluation.reused == evaluationPieces
                && evidence.redone == 0 && evidenceUntaken == 0
        }

        var description: String {
            "snapshot \(snapshot); evaluation \(evaluation) of \(evaluationPieces); evidence \(evidence), "
                + "\(evidenceUntaken) untaken"
        }
    }
}
