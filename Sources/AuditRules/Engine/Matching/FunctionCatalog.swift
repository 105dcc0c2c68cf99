import Foundation
import ManageReader

/// The distinct module functions named by a snapshot's settings rows, each normalised once.
///
/// A tenant repeats the same ~150 functions in every role, so 300 roles give 45,000 rows but only
/// ~150 entries here. Profile rows and rule parameters match an entry when their module equals the
/// row's module name, identifier or description and their function equals its function name,
/// identifier or description, compared trimmed and case-insensitively (`pairKey`). Doing that
/// once per entry instead of once per row, member and profile keeps evaluation cheap.
struct FunctionCatalog {
    /// One distinct function.
    struct Entry {
        /// Every `pairKey` this function answers to (module × function spellings).
        var keys: [String]
        /// The module as the row names it.
        var module: String
        /// The function as the row names it.
        var function: String
    }

    /// The six name fields of a row, the identity of an entry.
    private struct Names: Hashable {
        var moduleName, moduleIdentifier, moduleDescription: String?
        var functionName, functionIdentifier, functionDescription: String?

        init(_ row: RoleSetting) {
            moduleName = row.moduleName
            moduleIdentifier = row.moduleIdentifier
            moduleDescription = row.moduleDescription
            functionName = row.moduleFunctionName
            functionIdentifier = row.moduleFunctionIdentifier
            functionDescription = row.moduleFunctionDescription
        }
    }

    /// Entries in first-seen order.
    private(set) var entries: [Entry] = []
    private var indexByNames: [Names: Int] = [:]
    /// Entry indices by `pairKey`.
    private var byKey: [String: [Int]] = [:]

    /// The entry index of `row`, adding an entry the first time its names are seen.
    mutating func index(_ row: RoleSetting) -> Int {
        let names = Names(row)
        if let index = indexByNames[names] { return index }
        let modules = Set([row.moduleName, row.moduleIdentifier, row.moduleDescription].compactMap(Self.normalized))
        let functions = Set([row.moduleFunctionName, row.moduleFunctionIdentifier, row.moduleFunctionDescription]
            .compactMap(Self.normalized))
        var keys: [String] = []
        for module in modules.sorted() {
            for function in functions.sorted() { keys.append(Self.join(module, function)) }
        }
        let index = entries.count
        entries.append(Entry(keys: keys, module: row.moduleLabel, function: row.functionLabel))
        indexByNames[names] = index
        for key in keys { byKey[key, default: []].append(index) }
        return index
    }

    /// The entries a `{module, function}` pair names (empty when no row of the snapshot matches).
    func entries(matching module: String, _ function: String) -> [Int] {
        byKey[Self.pairKey(module, function)] ?? []
    }

    /// The entries answering a precomputed `pairKey`.
    func entries(forKey key: String) -> [Int] { byKey[key] ?? [] }

    /// The normalised (trimmed, lowercased) key of a module and function.
    static func pairKey(_ module: String, _ function: String) -> String {
        join(normalized(module) ?? "", normalized(function) ?? "")
    }

    private static func join(_ module: String, _ function: String) -> String { module + "\u{1F}" + function }

    private static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = NameKey.of(text)
        return value.isEmpty ? nil : value
    }
}
