import Foundation
import Testing
@testable import ManageReader

/// The snapshot side of the field tables (`snapshotFields`, ``SnapshotField``): the models, their
/// `Codable` keys, the hand-written writer and the fast reader each held to the tables, every
/// failure naming the place to fix. (`fields=` and the keys strict decoding accepts come from the
/// tables themselves; `SnapshotFieldSourcesTests` covers the read and the generators.)
@Suite struct SnapshotFieldTableTests {
    /// Every field of every type set, every list holding one element.
    static let template = TenantSnapshot.keyTemplate(infoKeys: ["lastUpdated"])

    /// Every model type with a table, with the template's value of that type.
    static var models: [(name: String, value: Any, fields: [SnapshotField])] {
        let t = template
        return [
            ("TenantSnapshot", t, TenantSnapshot.snapshotFields), ("SnapshotSource", t.source, SnapshotSource.snapshotFields),
            ("Member", t.members[0], Member.snapshotFields), ("APIMember", t.apiMembers[0], APIMember.snapshotFields),
            ("SecurityRole", t.securityRoles[0], SecurityRole.snapshotFields),
            ("RoleSetting", t.securityRoles[0].settings![0], RoleSetting.snapshotFields),
            ("IntegratorLogin", t.integratorLogins[0], IntegratorLogin.snapshotFields),
            ("RoleReference", t.members[0].securityRole!, RoleReference.snapshotFields),
            ("MemberReference", t.integratorLogins[0].member!, MemberReference.snapshotFields),
            ("ScannerSecurity", t.scanner!, ScannerSecurity.snapshotFields), ("ReadGap", t.gaps[0], ReadGap.snapshotFields),
        ]
    }

    @Test func eachTableListsItsTypesStoredPropertiesInOrder() {
        for model in Self.models {
            let properties = Mirror(reflecting: model.value).children.map { ($0.label ?? "?", $0.value) }
            #expect(properties.map(\.0) == model.fields.map(\.key),
                    "\(model.name)'s stored properties and \(model.name).snapshotFields differ")
            for (label, value) in properties {
                let optional = Mirror(reflecting: value).displayStyle == .optional
                guard let field = model.fields.first(where: { $0.key == label }) else { continue }
                #expect(field.required == !optional,
                        "\(model.name).snapshotFields: `\(label)` is \(optional ? "optional" : "not optional"), so `required` must be \(!optional)")
            }
        }
    }

    @Test func codableWritesTheTablesKeys() throws {
        let json = OrderedJSON([UInt8](try SnapshotStore.referenceEncoding(Self.template)))
        let problems = Self.differences(json, TenantSnapshot.snapshotFields, at: "snapshot", sorted: false)
        #expect(problems == [], "the models' Codable keys (a CodingKeys enum?) differ from the field tables: \(problems)")
    }

    @Test func writerWritesTheTablesKeysInSortedOrder() {
        let json = OrderedJSON(SnapshotWriter.encode(Self.template))
        let problems = Self.differences(json, TenantSnapshot.snapshotFields, at: "snapshot", sorted: true)
        #expect(problems == [], "SnapshotWriter.write(_:_:) for these objects: \(problems)")
    }

    @Test func fastReaderReadsEveryFieldOfTheTables() throws {
        let read = try #require(SnapshotReader.decode(Data(SnapshotWriter.encode(Self.template))),
                                "SnapshotReader refuses a snapshot with every field set: a table's key is missing from it")
        #expect(read == Self.template, "SnapshotReader reads a key but does not keep its value")
    }

    @Test func fastReaderRequiresExactlyTheRequiredKeys() {
        let json = OrderedJSON(SnapshotWriter.encode(Self.template))
        let cases = Self.withOneKeyLeftOut(json, TenantSnapshot.snapshotFields, at: "snapshot")
        #expect(cases.count > 60)
        for (path, edited, required) in cases {
            let accepted = SnapshotReader.decode(Data(edited.text.utf8)) != nil
            let wanted = required ? "required" : "optional"
            #expect(accepted != required,
                    "SnapshotReader \(accepted ? "accepts" : "refuses") a snapshot without \(path), which the table marks \(wanted)")
        }
    }

    /// Where the keys of `json` differ from `fields` (as a set, or in sorted order), at every depth.
    static func differences(_ json: OrderedJSON, _ fields: [SnapshotField], at path: String, sorted: Bool) -> [String] {
        let expected = sorted ? fields.map(\.key).sorted() : fields.map(\.key)
        var problems: [String] = []
        if sorted ? json.keys != expected : Set(json.keys) != Set(expected) {
            problems.append("\(path) has keys \(json.keys), the table \(expected)")
        }
        for field in fields {
            switch (field.kind, json[field.key]) {
            case (.object(let nested), let value?):
                problems += differences(value, nested, at: "\(path).\(field.key)", sorted: sorted)
            case (.list(let nested), .array(let items)?):
                for (index, item) in items.enumerated() {
                    problems += differences(item, nested, at: "\(path).\(field.key)[\(index)]", sorted: sorted)
                }
            default: break
            }
        }
        return problems
    }

    /// For each key of each object in `json`: its path, the whole document without it, and whether
    /// the table requires it. `rebuild` puts an edited object back into the whole document.
    static func withOneKeyLeftOut(
        _ json: OrderedJSON, _ fields: [SnapshotField], at path: String,
        rebuild: @escaping (OrderedJSON) -> OrderedJSON = { $0 }
    ) -> [(path: String, document: OrderedJSON, required: Bool)] {
        guard case .object(let entries) = json else { return [] }
        var cases: [(path: String, document: OrderedJSON, required: Bool)] = []
        for field in fields {
            guard let index = entries.firstIndex(where: { $0.key == field.key }) else { continue }
            var without = entries
            without.remove(at: index)
            cases.append(("\(path).\(field.key)", rebuild(.object(without)), field.required))
            let replace: (OrderedJSON) -> OrderedJSON = { value in
                var edited = entries
                edited[index].value = value
                return rebuild(.object(edited))
            }
            switch (field.kind, entries[index].value) {
            case (.object(let nested), let value):
                cases += withOneKeyLeftOut(value, nested, at: "\(path).\(field.key)", rebuild: replace)
            case (.list(let nested), .array(let items)) where !items.isEmpty:
                cases += withOneKeyLeftOut(items[0], nested, at: "\(path).\(field.key)[0]") { value in
                    replace(.array([value] + items.dropFirst()))
                }
            default: break
            }
        }
        return cases
    }
}
