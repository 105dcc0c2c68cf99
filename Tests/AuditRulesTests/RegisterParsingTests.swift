import Foundation
import Testing
@testable import AuditRules
import V360Core

/// The key register format.
@Suite struct RegisterParsingTests {
    @Test func parsesTheDesignFormat() throws {
        let register = try T.register("""
            # integrations.yml
            keys:
              - member: V360API
                description: Email reConnector
                tool: email-reconnector
                owner: secops@msp.example
                created: 2025-03-01
                retired: false
              - {member: BackupAPI, description: "Backup: nightly", tool: msp360}
            """)
        #expect(register.keys.count == 2)
        #expect(register.keys[0].created == CalendarDate("2025-03-01"))
        #expect(register.keys[0].line == 3)
        #expect(register.keys[1].retired == false && register.keys[1].owner == nil)
        #expect(try T.register("keys: []").keys.isEmpty)
        #expect(try T.register("keys:\n").keys.isEmpty)
    }

    @Test(arguments: [
        ("keys:\n  - {member: A, description: d, tool: t, created: 2025-02-30}\n", 2, "created"),
        ("keys:\n  - {member: A, description: d, tool: t, created: 03/01/2025}\n", 2, "created"),
        ("keys:\n  - {member: A, description: d, tool: t, colour: red}\n", 2, "colour"),
        ("keys:\n  - {member: A, tool: t}\n", 2, "description"),
        ("keys:\n  - {member: A, description: d, tool: t, retired: maybe}\n", 2, "retired"),
        ("entries: []\n", 1, "entries"),
    ])
    func errorsNameFileAndLine(_ yaml: String, _ line: Int, _ mentions: String) {
        do {
            _ = try KeyRegister.parse(yaml, fileName: "integrations.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "integrations.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(mentions), "\(error)")
        }
    }

    @Test func calendarDatesRoundTripThroughDayNumbers() throws {
        let date = try #require(CalendarDate("2024-02-29"))
        #expect(CalendarDate(utc: Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 86_399)) == date)
        #expect(CalendarDate("1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(try #require(CalendarDate("2026-11-01")).dayNumber - date.dayNumber == 976)
    }

    @Test func calendarDatesPrintAsZeroPaddedISODates() {
        // Day numbers from year -1 through year 10000, in uneven steps, against printf's padding.
        for dayNumber in stride(from: -720_000, through: 2_933_000, by: 997) {
            let date = CalendarDate(utc: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            #expect(date.description == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
            if date.year >= 1000, date.year <= 9999 { #expect(CalendarDate(date.description) == date) }
        }
    }
}
