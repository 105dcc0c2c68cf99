import AuditRules
import Foundation
import ManageReader
import ManageSimulator

/// The user inputs of a scan, loaded (and validated) before any PSA read so a bad file fails fast
/// with exit 64.
struct ScanInputs: Sendable {
    /// The rule pack (bundled plus `--rules` directories).
    var pack: RulePack
    /// The key register, if any.
    var register: KeyRegister?
    /// The waivers, if any.
    var waivers: WaiverSet?
    /// The baseline report or snapshot, if any.
    var baseline: Baseline?

    /// Loads every input the options name; `--demo` without `--register` uses the demo register.
    /// - Throws: `AuditRulesError` naming the file and line.
    static func load(_ options: InputOptions) throws(AuditRulesError) -> ScanInputs {
        let pack = try RulePack.load(directories: options.ruleDirectoryURLs, includeBundled: !options.noDefaultRules)
        let register: KeyRegister?
        if let path = options.register {
            register = try KeyRegister.load(from: URL(fileURLWithPath: path))
        } else if options.demo {
            register = try KeyRegister.parse(DemoTenant.registerYAML, fileName: "demo-register.yml")
        } else {
            register = nil
        }
        let waivers = try options.waivers.map { path throws(AuditRulesError) in
            try WaiverSet.load(from: URL(fileURLWithPath: path), ruleIds: Set(pack.rules.map(\.id)))
        }
        let baseline = try options.baseline.map { path throws(AuditRulesError) in
            try Baseline.load(from: URL(fileURLWithPath: path))
        }
        return ScanInputs(pack: pack, register: register, waivers: waivers, baseline: baseline)
    }

    /// Evaluates the pack against a snapshot and applies the baseline (a snapshot baseline is
    /// evaluated with the same pack, register and waivers); `prepared` must come from these inputs.
    func evaluate(_ snapshot: TenantSnapshot, prepared: PreparedEvaluation? = nil) -> AuditResult {
        let result = prepared.map { AuditEngine.evaluate($0, snapshot: snapshot, waivers: waivers) }
            ?? evaluateOnly(snapshot)
        return baseline?.apply(to: result, current: snapshot, evaluate: evaluateOnly) ?? result
    }

    private func evaluateOnly(_ snapshot: TenantSnapshot) -> AuditResult {
        AuditEngine.evaluate(pack: pack, snapshot: snapshot, register: register, waivers: waivers)
    }
}
