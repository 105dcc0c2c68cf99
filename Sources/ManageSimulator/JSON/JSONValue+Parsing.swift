import V360Core

extension JSONValue {
    /// Parses JSON text strictly (no trailing commas or comments; duplicate keys are errors).
    ///
    /// - Parameter bytes: UTF-8 JSON text.
    /// - Throws: `SimulatorError.invalidJSON` naming `source`, the 1-based line and column and the problem.
    public static func parse(_ bytes: [UInt8], source: String = "JSON") throws(SimulatorError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .invalidJSON(JSONSyntaxError(file: source, offset: error.offset, in: bytes, problem: error.message))
        }
    }

    /// Parses JSON text given as a string.
    public static func parse(_ text: String, source: String = "JSON") throws(SimulatorError) -> JSONValue {
        try parse(Array(text.utf8), source: source)
    }
}
