import Foundation

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
        guard (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60, second < 60
        else { throw JSONCursor.Mismatch() }
        let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
