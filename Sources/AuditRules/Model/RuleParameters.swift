import Foundation
import ManageReader
import Yams

/// Typed, validated rule parameters. Each check reads only the ones it declares
/// (`RuleCheck.parameterNames`); the rest keep their defaults.
public struct RuleParameters: Sendable, Hashable {
    /// Role names counted as Admin (case-insensitive exact match after trimming). Default `Admin`, `Administrator`.
    public var adminRoleNames: [String] = ["Admin", "Administrator"]
    /// Share of a role's rows granting `All` on every op that makes it admin-equivalent; 0 < t ≤ 1. Default 0.9.
    public var threshold: Rational = Rational(decimal: "0.9")!
    /// Key age in whole days above which a key is stale; > 0. Default 365.
    public var maxAgeDays: Int = 365
    /// The module functions a `sensitive-grant` rule watches, matched like tool profile rows.
    public var functions: [FunctionRef] = []
    /// The operations that count for a `sensitive-grant` rule.
    public var ops: [PermissionOperation] = []

    /// A `{module, function}` pair named by a rule.
    public struct FunctionRef: Sendable, Hashable {
        /// Module name, identifier or description.
        public var module: String
        /// Function name, identifier or description.
        public var function: String

        /// Creates a reference.
        public init(module: String, function: String) {
            self.module = module
            self.function = function
        }
    }

    /// The defaults.
    public init() {}

    /// Parses `parameters:` for `check`, rejecting unknown names and invalid values.
    static func parse(_ node: Node?, check: RuleCheck, file: String) throws(AuditRulesError) -> RuleParameters {
        var result = RuleParameters()
        guard let node else { return result }
        let map = try YAMLMap(node, file: file, what: "parameters of check '\(check.rawValue)'",
                              allowed: check.parameterNames)
        if let names = try map.stringList("adminRoleNames") {
            guard !names.isEmpty else { throw map.fail("adminRoleNames", "must list at least one role name") }
            result.adminRoleNames = names
        }
        if let text = try map.string("threshold") {
            guard let value = Rational(decimal: text), value.numerator > 0, value.numerator <= value.denominator else {
                throw map.fail("threshold", "must be a decimal number greater than 0 and at most 1, got '\(text)'")
            }
            result.threshold = value
        }
        if check == .sensitiveGrant {
            (result.functions, result.ops) = try parseSensitive(map, file: file)
        }
        if map.node("maxAgeDays") != nil {
            guard let days = try? map.int("maxAgeDays"), days > 0 else {
                throw map.fail("maxAgeDays", "must be a whole number of days greater than 0")
            }
            result.maxAgeDays = days
        }
        return result
    }

    /// `functions: [{module, function}]` and `ops: [inquire|add|edit|delete]`, both required.
    private static func parseSensitive(_ map: YAMLMap, file: String) throws(AuditRulesError)
        -> ([FunctionRef], [PermissionOperation]) {
        guard let items = try map.sequence("functions"), !items.isEmpty else {
            throw .invalid(file: file, line: map.line, message: "\(map.what): 'functions' must list at least one {module, function}")
        }
        var functions: [FunctionRef] = []
        for (index, item) in items.enumerated() {
            let entry = try YAMLMap(item, file: file, what: "function \(index + 1)", allowed: ["module", "function"])
            functions.append(FunctionRef(module: try entry.requiredString("module"), function: try entry.requiredString("function")))
        }
        guard let names = try map.stringList("ops"), !names.isEmpty else {
            throw .invalid(file: file, line: map.line, message: "\(map.what): 'ops' must list at least one of inquire, add, edit, delete")
        }
        var ops: [PermissionOperation] = []
        for name in names {
            guard let op = PermissionOperation(rawValue: name.lowercased()) else {
                throw map.fail("ops", "must be inquire, add, edit or delete, got '\(name)'")
            }
            if !ops.contains(op) { ops.append(op) }
        }
        return (functions, ops.sorted())
    }

    /// `name: value` lines for the parameters `check` uses.
    func describe(for check: RuleCheck) -> [String] {
        check.parameterNames.map { name in
            switch name {
            case "adminRoleNames": "adminRoleNames: \(adminRoleNames.joined(separator: ", "))"
            case "threshold": "threshold: \(threshold)"
            case "functions": "functions: " + functions.map { "\($0.module) / \($0.function)" }.joined(separator: ", ")
            case "ops": "ops: " + ops.map(\.rawValue).joined(separator: ", ")
            default: "maxAgeDays: \(maxAgeDays)"
            }
        }
    }

    /// True when `name` is one of `adminRoleNames` (trimmed, case-insensitive, exact).
    func isAdminName(_ name: String?) -> Bool {
        guard let name else { return false }
        let key = NameKey.of(name)
        return adminRoleNames.contains { NameKey.of($0) == key }
    }
}
