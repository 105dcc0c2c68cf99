import Foundation
import Testing
@testable import ManageReader

/// The field-table and codec tests write, read and compare `TenantSnapshot.keyTemplate`: a model
/// field the template leaves nil (or a list left empty) would go unchecked by them.
@Suite struct KeyTemplateTests {
    @Test func templateSetsEveryFieldOfEveryModelType() {
        let unset = Self.unsetPaths(in: TenantSnapshot.keyTemplate(infoKeys: ["lastUpdated"]), path: "snapshot")
        #expect(unset == [], "set these in TenantSnapshot.keyTemplate (Tests/ManageReaderTests/Support): \(unset)")
    }

    @Test func fullyPopulatedSnapshotRoundTripsThroughTheStrictDecoder() throws {
        let template = TenantSnapshot.keyTemplate(infoKeys: ["lastUpdated", "updatedBy"])
        let decoded = try SnapshotStore.decode(try SnapshotStore.encode(template), fileName: "template.json")
        #expect(decoded == template)
    }

    /// Paths of optionals that are nil and arrays that are empty, found with `Mirror`.
    static func unsetPaths(in value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetPaths(in: wrapped, path: path)
        }
        switch mirror.displayStyle {
        case .collection:
            guard !mirror.children.isEmpty else { return [path] }
            return mirror.children.enumerated().flatMap { unsetPaths(in: $1.value, path: "\(path)[\($0)]") }
        case .struct:
            // PermissionLevel is a raw string; its emptiness is a value, not a missing field.
            return mirror.children.flatMap { unsetPaths(in: $0.value, path: "\(path).\($0.label ?? "?")") }
        default:
            return []
        }
    }
}
