import Foundation
import V360Core

/// Parses `YYYY-MM-DDTHH:MM:SSZ`, the only form `JSONEncoder`'s `.iso8601` writes, without a
/// formatter; any other form throws so the strict decoder (which knows them all) decides.
enum ISO8601Seconds {
    /// The date of `text`, or ``JSONCursor/Mismatch``.
    static func parse(_ text: String) throws(JSONCursor.Mismatch) -> Date {
        let utf8 = Array(text.utf8)
        guard utf8.count == 20, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
              utf8[19] == UInt8(ascii: "Z") else { throw JSONCursor.Mismatch() }
        func number(_ range: Range<Int>) throws(JSONCursor.Mismatch) -> Int {
            var value = 0
            for index in range {
                guard utf8[index] >= 0x30, utf8[index] <= 0x39 else { throw JSONCursor.Mismatch() }
                value = value * 10 + Int(utf8[index] - 0x30)
            }
            return value
        }
        let year = try number(0..<4), month = try number(5..<7), day = try number(8..<10)
        let hour = try number(11..<13), minute = try number(14..<16), second = try number(17..<19)
        guard let date = CalendarDate.instant(year: year, month: month, day: day, hour: hour, minute: minute,
                                              second: second) else { throw JSONCursor.Mismatch() }
        return date
    }
}
