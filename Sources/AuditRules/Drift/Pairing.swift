import Foundation

/// Matches records of two snapshots: by id first, then by name (case-insensitive) among the
/// records no id matched, as docs/design.md joins members and logins across snapshots.
struct Pairing<Record> {
    /// Records found in both snapshots, in the old snapshot's order.
    var matched: [(old: Record, new: Record)] = []
    /// Records of the old snapshot only.
    var removed: [Record] = []
    /// Records of the new snapshot only.
    var added: [Record] = []

    /// Pairs `old` with `new`.
    static func pair(_ old: [Record], _ new: [Record], id: (Record) -> Int, name: (Record) -> String) -> Pairing {
        var result = Pairing()
        var newById: [Int: Int] = [:]
        for (index, record) in new.enumerated() where newById[id(record)] == nil { newById[id(record)] = index }
        var used = Set<Int>()
        var unmatched: [Record] = []
        for record in old {
            if let index = newById[id(record)], !used.contains(index) {
                used.insert(index)
                result.matched.append((record, new[index]))
            } else {
                unmatched.append(record)
            }
        }
        var newByName: [String: Int] = [:]
        for (index, record) in new.enumerated() where !used.contains(index) {
            let key = name(record).lowercased()
            if newByName[key] == nil { newByName[key] = index }
        }
        for record in unmatched {
            if let index = newByName[name(record).lowercased()], !used.contains(index) {
                used.insert(index)
                result.matched.append((record, new[index]))
            } else {
                result.removed.append(record)
            }
        }
        result.added = new.indices.filter { !used.contains($0) }.map { new[$0] }
        return result
    }
}
