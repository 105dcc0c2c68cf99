extension JSONValue {
    /// Parses JSON text strictly (no trailing commas or comments; duplicate keys are errors).
    ///
    /// - Parameter bytes: UTF-8 JSON text.
    /// - Throws: `SimulatorError.invalidJSON` with the 1-based line and column of the problem.
    public static func parse(_ bytes: [UInt8], source: String = "JSON") throws(SimulatorError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .invalidJSON(source: source, line: error.line, column: error.column, problem: error.message)
        }
    }

    /// Parses JSON text given as a string.
    public static func parse(_ text: String, source: String = "JSON") throws(SimulatorError) -> JSONValue {
        try parse(Array(text.utf8), source: source)
    }
}
