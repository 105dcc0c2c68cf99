import Foundation

/// Turns where JSON text went wrong into a line and column: the one locator behind every
/// "file:line:column" the tool prints for a JSON file (snapshots, baselines, simulator fixtures)
/// and every line a strict-decoding error names.
///
/// Foundation's `JSONDecoder` says only that the data is not valid JSON; `JSONSerialization` says
/// "around character N" (a byte offset) on Linux and carries the offset in its error's user info on
/// Darwin. Both come down to a byte offset, counted into lines and columns here.
public enum JSONErrorLocator {
    /// The 1-based line and column of byte `offset` of `bytes` (an offset past the end points just
    /// after the last byte). Columns count Unicode scalars: UTF-8 continuation bytes are skipped.
    public static func position(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { position(ofOffset: offset, in: $0) }
    }

    /// The 1-based line and column of byte `offset` of `data`.
    public static func position(ofOffset offset: Int, in data: Data) -> (line: Int, column: Int) {
        data.withUnsafeBytes { position(ofOffset: offset, in: $0.bindMemory(to: UInt8.self)) }
    }

    private static func position(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<max(0, min(offset, bytes.count))] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The first syntax error in `data`, or nil when it is JSON (a decoding failure is then about
    /// the content, not the syntax). Runs `JSONSerialization` for its error position, so it is for
    /// the error path only.
    public static func firstSyntaxError(in data: Data, file: String) -> JSONSyntaxError? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
            return nil
        } catch {
            return syntaxError(from: error, in: data, file: file)
        }
    }

    /// Locates an error `JSONSerialization` threw for `data`. Without a position in the error
    /// ("unexpected end of file") the end of the text is where the problem is.
    public static func syntaxError(from error: any Error, in data: Data, file: String) -> JSONSyntaxError {
        let info = (error as NSError).userInfo
        let message = info[NSDebugDescriptionErrorKey] as? String ?? (error as NSError).localizedDescription
        var problem = message.replacing(/\s*around (character \d+|line \d+, column \d+)\.?$/, with: "")
        if problem.hasSuffix(".") { problem.removeLast() }
        problem = problem.prefix(1).lowercased() + problem.dropFirst()
        let offset = info["NSJSONSerializationErrorIndex"] as? Int
            ?? message.firstMatch(of: /character (\d+)/).flatMap { Int($0.1) }
        if offset == nil, let match = message.firstMatch(of: /line (\d+), column (\d+)/), let line = Int(match.1),
           let column = Int(match.2) {
            // A Foundation that gives only its own line and column: taken as they are.
            return JSONSyntaxError(file: file, line: line, column: column, problem: problem)
        }
        let position = position(ofOffset: offset ?? data.count, in: data)
        return JSONSyntaxError(file: file, line: position.line, column: position.column, problem: problem)
    }
}
