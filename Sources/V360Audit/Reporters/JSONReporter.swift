import Foundation

/// The JSON report (`v360audit.json`): sorted keys, pretty-printed, ISO-8601 dates, so it diffs
/// cleanly and is byte-identical for the same inputs.
struct JSONReporter: Reporter {
    static let identifier = "json"
    static let fileName = "v360audit.json"

    func render(_ context: ReportContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain structs, strings and numbers cannot fail; a failure would be a programming error.
        guard let data = try? encoder.encode(JSONReport(context)) else {
            preconditionFailure("the JSON report could not be encoded")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
