/// A JSON document with each object's keys in file order (Foundation's dictionaries lose it), read
/// from text this project wrote: what the field-table tests compare against the tables, and edit
/// (a key left out) to see what the fast reader then accepts.
indirect enum OrderedJSON: Equatable {
    /// One key of an object and its value.
    struct Entry: Equatable {
        var key: String
        var value: OrderedJSON
    }

    /// An object, its keys in file order.
    case object([Entry])
    /// An array.
    case array([OrderedJSON])
    /// A string, number, boolean or null, as its text in the file (a string with its quotes and escapes).
    case scalar(String)

    /// Parses `bytes`; they must be valid JSON (nothing here reports errors).
    init(_ bytes: [UInt8]) {
        var index = 0
        self = Self.value(bytes, &index)
    }

    /// The keys of an object, in order; empty for anything else.
    var keys: [String] {
        if case .object(let entries) = self { return entries.map(\.key) }
        return []
    }

    /// The value of an object's key.
    subscript(key: String) -> OrderedJSON? {
        if case .object(let entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    /// Compact JSON text.
    var text: String {
        switch self {
        case .object(let entries): "{" + entries.map { "\"\($0.key)\":\($0.value.text)" }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .scalar(let raw): raw
        }
    }

    private static func value(_ bytes: [UInt8], _ index: inout Int) -> OrderedJSON {
        skipSpace(bytes, &index)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var entries: [Entry] = []
            while true {
                skipSpace(bytes, &index)
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(entries) }
                if bytes[index] == UInt8(ascii: ",") { index += 1; skipSpace(bytes, &index) }
                let raw = string(bytes, &index)
                skipSpace(bytes, &index)
                index += 1  // the colon
                // Format keys are plain ASCII: the quotes are all there is to take off.
                entries.append(Entry(key: String(raw.dropFirst().dropLast()), value: value(bytes, &index)))
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [OrderedJSON] = []
            while true {
                skipSpace(bytes, &index)
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                if bytes[index] == UInt8(ascii: ",") { index += 1 }
                items.append(value(bytes, &index))
            }
        case UInt8(ascii: "\""):
            return .scalar(string(bytes, &index))
        default:
            let start = index
            while index < bytes.count, !Array(",]} \n\r\t".utf8).contains(bytes[index]) { index += 1 }
            return .scalar(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }

    /// A string token with its quotes, escapes left as written.
    private static func string(_ bytes: [UInt8], _ index: inout Int) -> String {
        let start = index
        index += 1
        while bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
        index += 1
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, Array(" \n\r\t".utf8).contains(bytes[index]) { index += 1 }
    }
}
