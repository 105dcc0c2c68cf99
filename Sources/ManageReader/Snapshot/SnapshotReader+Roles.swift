import V360Core

extension SnapshotReader {
    /// Fewer roles than this are read in order: splitting costs a scan of the array.
    static let rolesReadInOrder = 64

    /// The `securityRoles` array (nine-tenths of a large snapshot's bytes), its two halves read at
    /// once: the decode of an offline scan otherwise ran alone on one core once the inputs had
    /// loaded on the other.
    ///
    /// A quick scan finds where the elements start (strings and nesting tracked, nothing decoded);
    /// each half is then read by the same strict code from its first element, and must end exactly
    /// where the next half begins (after a comma) or at the closing bracket. A scan that went wrong
    /// can only make a half fail, and then the strict decoder decides, as for any other mismatch.
    static func roles(_ c: inout JSONCursor) throws(Mismatch) -> [SecurityRole] {
        guard let (starts, end) = elementStarts(c), starts.count >= rolesReadInOrder else { return try list(&c, role) }
        // Split by bytes, not by count: roles differ in size.
        let middle = (starts[0] + end) / 2
        let split = starts.firstIndex { $0 >= middle } ?? starts.count / 2
        nonisolated(unsafe) let bytes = c.bytes
        let read: @Sendable (Range<Int>) -> Result<[SecurityRole], Mismatch> = { range in
            var cursor = JSONCursor(bytes)
            cursor.position = starts[range.lowerBound]
            var roles: [SecurityRole] = []
            roles.reserveCapacity(range.count)
            do throws(Mismatch) {
                for index in range {
                    if index > range.lowerBound { try cursor.expect(UInt8(ascii: ",")) }
                    roles.append(try role(&cursor))
                }
                cursor.skipSpace()
                // The half ends where the scan said: before the comma of the next element, or at `]`.
                if range.upperBound < starts.count {
                    guard cursor.take(UInt8(ascii: ",")) else { throw Mismatch() }
                    cursor.skipSpace()
                    guard cursor.position == starts[range.upperBound] else { throw Mismatch() }
                } else {
                    guard cursor.position == end else { throw Mismatch() }
                }
            } catch {
                return .failure(error)
            }
            return .success(roles)
        }
        let (first, second) = concurrently({ read(0..<split) }, { read(split..<starts.count) })
        let roles = try first.get() + second.get()
        c.position = end + 1
        return roles
    }

    /// Where each element of the array at the cursor starts, and where its `]` is; nil when the
    /// cursor is not at an array or the array is empty or does not end.
    static func elementStarts(_ c: JSONCursor) -> (starts: [Int], end: Int)? {
        let bytes = c.bytes
        var index = c.position
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var starts: [Int] = []
        var depth = 0, inString = false, expectingElement = true
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            case UInt8(ascii: ","):
                if depth == 0 { expectingElement = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return byte == UInt8(ascii: "]") && !starts.isEmpty ? (starts, index) : nil }
                depth -= 1
            default:
                if depth == 0 && expectingElement {
                    starts.append(index)
                    expectingElement = false
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "\"") { inString = true }
            }
            index += 1
        }
        return nil
    }
}
