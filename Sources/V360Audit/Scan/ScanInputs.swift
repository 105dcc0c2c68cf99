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
        try load(Files(options))
    }

    /// The input files of one scan, wherever they were named (the command line, or a tenant's
    /// entry in the tenants file).
    struct Files: Sendable {
        /// `--rules` directories, in order (later wins by id).
        var ruleDirectories: [URL]
        /// False with `--no-default-rules`.
        var includeBundled: Bool
        /// The key register file.
        var register: String?
        /// True to use the demo tenant's register (`--demo` without `--register`).
        var demoRegister: Bool
        /// The waiver file.
        var waivers: String?
        /// The baseline report or snapshot.
        var baseline: String?
        /// An already loaded pack for `ruleDirectories` (a fleet shares one among its tenants).
        var pack: RulePack?

        /// The files a scan's command line names.
        init(_ options: InputOptions) {
            self.init(ruleDirectories: options.ruleDirectoryURLs, includeBundled: !options.noDefaultRules,
                      register: options.register, demoRegister: options.demo && options.register == nil,
                      waivers: options.waivers, baseline: options.baseline)
        }

        /// Files named one by one.
        init(ruleDirectories: [URL], includeBundled: Bool, register: String? = nil, demoRegister: Bool = false,
             waivers: String? = nil, baseline: String? = nil, pack: RulePack? = nil) {
            self.ruleDirectories = ruleDirectories
            self.includeBundled = includeBundled
            self.register = register
            self.demoRegister = demoRegister
            self.waivers = waivers
            self.baseline = baseline
            self.pack = pack
        }
    }

    /// Loads the files.
    /// - Throws: `AuditRulesError` naming the file and line.
    static func load(_ files: Files) throws(AuditRulesError) -> ScanInputs {
        let pack: RulePack
        if let shared = files.pack {
            pack = shared
        } else {
            pack = try RulePack.load(directories: files.ruleDirectories, includeBundled: files.includeBundled)
        }
        let register: KeyRegister?
        if let path = files.register {
            register = try KeyRegister.load(from: URL(fileURLWithPath: path))
        } else if files.demoRegister {
            register = try KeyRegister.parse(DemoTenant.registerYAML, fileName: "demo-register.yml")
        } else {
            register = nil
        }
        let waivers = try files.waivers.map { path throws(AuditRulesError) in
            try WaiverSet.load(from: URL(fileURLWithPath: path), ruleIds: Set(pack.rules.map(\.id)))
        }
        let baseline = try files.baseline.map { path throws(AuditRulesError) in
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
