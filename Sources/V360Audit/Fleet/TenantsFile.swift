import AuditRules
import Foundation
import Yams

/// The tenants file of `--tenants`: the PSAs one run reads, each with its own key and inputs.
///
/// ```yaml
/// tenants:
///   - name: acme
///     site: psa.acme.example
///     companyId: acme
///     publicKey: Ab12CdEf34GhIj56
///     privateKeyFile: /etc/v360audit/acme.key     # or privateKeyEnv: ACME_CWM_PRIVATE_KEY
///     clientId: 0f1e2d3c-…
///     caFile: acme-root.pem                        # optional
///     register: acme/integrations.yml              # optional
///     waivers: acme/waivers.yml                    # optional
///     rules: [acme/rules]                          # optional
/// ```
/// Strict like every input: unknown keys, a missing field, duplicate names, both or neither private
/// key source are errors naming the file and line (exit 64, before any PSA is read). A
/// `privateKey:` field is refused by name and its value never repeated.
enum TenantsFile {
    /// The keys a tenant entry may have.
    static let fields = ["name", "site", "companyId", "publicKey", "privateKeyFile", "privateKeyEnv", "clientId",
                         "caFile", "register", "waivers", "rules"]

    /// Reads and checks a tenants file.
    /// - Throws: `AuditRulesError` naming the file and line.
    static func load(_ path: String) throws(AuditRulesError) -> [TenantEntry] {
        try parse(try YAMLDocument.readText(URL(fileURLWithPath: path)), file: path)
    }

    /// Checks tenants file text; relative paths are resolved against `file`'s folder.
    /// - Throws: `AuditRulesError` naming the file and line.
    static func parse(_ text: String, file: String) throws(AuditRulesError) -> [TenantEntry] {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        return try YAMLDocument.withRoot(text, file: file) { root throws(AuditRulesError) in
            let map = try YAMLMap(root, file: file, what: "tenants file", allowed: ["tenants"])
            guard let items = try map.sequence("tenants"), !items.isEmpty else {
                throw .invalid(file: file, line: map.line(of: "tenants"),
                               message: "tenants file: 'tenants' must be a list of at least one tenant")
            }
            var entries: [TenantEntry] = []
            var firstLines: [String: Int?] = [:]
            for (index, item) in items.enumerated() {
                let entry = try self.entry(item, index: index, file: file, folder: folder)
                if let first = firstLines[entry.name] {
                    throw .invalid(file: file, line: entry.line,
                                   message: "tenant \(index + 1): duplicate name '\(entry.name)'"
                                       + (first.map { " (first at line \($0))" } ?? ""))
                }
                firstLines[entry.name] = entry.line
                entries.append(entry)
            }
            return entries
        }
    }

    private static func entry(_ node: Node, index: Int, file: String, folder: URL) throws(AuditRulesError) -> TenantEntry {
        let what = "tenant \(index + 1)"
        try refuseInlineKey(node, what: what, file: file)
        let map = try YAMLMap(node, file: file, what: what, allowed: fields)
        let name = try map.requiredString("name")
        guard isValidName(name) else {
            throw map.fail("name", "must be lower-case letters, digits and '-', starting with a letter or digit "
                + "(it names the tenant's report folder), got '\(name)'")
        }
        let keyFile = try map.string("privateKeyFile")
        let keyVariable = try map.string("privateKeyEnv")
        let privateKey: TenantEntry.PrivateKeySource
        switch (keyFile, keyVariable) {
        case (let path?, nil): privateKey = .file(resolve(path, in: folder))
        case (nil, let variable?):
            // A variable's name, never the key: refused without repeating it, in case it is the key.
            guard isVariableName(variable) else {
                throw map.fail("privateKeyEnv", "must be the name of an environment variable (letters, digits and "
                    + "'_'), not the key itself")
            }
            privateKey = .environment(variable)
        case (.some, .some):
            throw .invalid(file: file, line: map.line(of: "privateKeyEnv"),
                           message: "\(what) (\(name)): give exactly one of 'privateKeyFile' and 'privateKeyEnv', not both")
        case (nil, nil):
            throw .invalid(file: file, line: map.line,
                           message: "\(what) (\(name)): missing 'privateKeyFile' or 'privateKeyEnv' (exactly one)")
        }
        return TenantEntry(
            name: name, site: try map.requiredString("site"), companyId: try map.requiredString("companyId"),
            publicKey: try map.requiredString("publicKey"), privateKey: privateKey,
            clientId: try map.requiredString("clientId"),
            caFile: try map.string("caFile").map { resolve($0, in: folder) },
            register: try map.string("register").map { resolve($0, in: folder) },
            waivers: try map.string("waivers").map { resolve($0, in: folder) },
            rules: (try map.stringList("rules") ?? []).map { resolve($0, in: folder) },
            line: map.line)
    }

    /// Refuses `privateKey:` before anything else looks at the entry, naming the field and its
    /// line but never its value: secrets stay out of files that get copied around.
    private static func refuseInlineKey(_ node: Node, what: String, file: String) throws(AuditRulesError) {
        guard case .mapping(let mapping) = node else { return }
        for (key, _) in mapping {
            guard case .scalar(let scalar) = key, scalar.string.lowercased() == "privatekey" else { continue }
            throw .invalid(file: file, line: key.mark?.line,
                           message: "\(what): '\(scalar.string)' is not allowed: the key itself must not be in the tenants "
                               + "file; use privateKeyFile (a file holding the key) or privateKeyEnv (the name of a "
                               + "variable holding it)")
        }
    }

    /// `[a-z0-9][a-z0-9-]*`: safe as a folder and file name on every system.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLowerAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    /// `path` as given when absolute, else relative to the tenants file's folder.
    private static func resolve(_ path: String, in folder: URL) -> String {
        path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
    }
}
