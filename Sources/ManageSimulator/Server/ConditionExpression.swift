/// The subset of the ConnectWise `conditions` grammar the simulator understands:
/// `path op value` clauses joined by `and`, where `path` may be nested with `/`
/// (`securityRole/id`), `op` is `=`, `!=`, `<`, `<=`, `>` or `>=`, and `value` is a double-quoted
/// string (`\"` escapes a quote), an integer, `True`/`False` (any case) or `null`.
///
/// Anything else (`or`, `like`, `in`, parentheses, dates) is rejected with a message, which the
/// server turns into a 400, as ConnectWise does for bad conditions. Strings compare
/// case-insensitively (SQL Server's default collation); a missing field counts as `null`, and
/// like SQL, `null` matches only `= null` / `!= null`.
struct ConditionExpression: Sendable {
    enum Operator: String, Sendable { case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }

    struct Clause: Sendable {
        var path: String
        var op: Operator
        var value: JSONValue
    }

    struct ParseError: Error { var message: String }

    let clauses: [Clause]

    init(_ text: String) throws(ParseError) {
        var tokens = try Self.tokenize(text)
        var clauses: [Clause] = []
        while true {
            guard case .word(let path)? = tokens.first else { throw ParseError(message: "expected a field name") }
            tokens.removeFirst()
            guard case .op(let symbol)? = tokens.first, let op = Operator(rawValue: symbol) else {
                throw ParseError(message: "expected an operator after '\(path)' (the simulator supports = != < <= > >=)")
            }
            tokens.removeFirst()
            guard let valueToken = tokens.first else { throw ParseError(message: "expected a value after '\(path) \(symbol)'") }
            tokens.removeFirst()
            clauses.append(Clause(path: path, op: op, value: try Self.value(of: valueToken)))
            guard let next = tokens.first else { break }
            guard case .word(let joiner) = next, joiner.lowercased() == "and" else {
                throw ParseError(message: "expected 'and' between clauses (the simulator supports only 'and')")
            }
            tokens.removeFirst()
        }
        self.clauses = clauses
    }

    func matches(_ object: JSONValue) -> Bool {
        clauses.allSatisfy { clause in
            Self.compare(object.valueCaseInsensitive(atPath: clause.path) ?? .null, clause.op, clause.value)
        }
    }

    private static func compare(_ field: JSONValue, _ op: Operator, _ value: JSONValue) -> Bool {
        if value == .null || field == .null {
            switch op {
            case .equal: return field == .null && value == .null
            case .notEqual: return (field == .null) != (value == .null)
            default: return false
            }
        }
        let order: Int
        switch (field, value) {
        case (.string(let a), .string(let b)):
            let (x, y) = (a.lowercased(), b.lowercased())
            order = x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let a), .int(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .int(let b)): order = a < Double(b) ? -1 : (a == Double(b) ? 0 : 1)
        case (.bool(let a), .bool(let b)):
            guard op == .equal || op == .notEqual else { return false }
            order = a == b ? 0 : 1
        default:
            return false
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    // MARK: - Tokens

    private enum Token { case word(String), op(String), string(String), number(Int) }

    private static func value(of token: Token) throws(ParseError) -> JSONValue {
        switch token {
        case .string(let text): return .string(text)
        case .number(let number): return .int(number)
        case .word(let word):
            switch word.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: throw ParseError(message: "unsupported value '\(word)' (quote strings)")
            }
        case .op(let symbol): throw ParseError(message: "unexpected '\(symbol)'")
        }
    }

    private static func tokenize(_ text: String) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char.isWhitespace { index += 1; continue }
            if char == "\"" {
                var literal = ""
                index += 1
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\", index + 1 < chars.count { index += 1 }
                    literal.append(chars[index])
                    index += 1
                }
                guard index < chars.count else { throw ParseError(message: "unterminated string") }
                index += 1
                tokens.append(.string(literal))
            } else if "=!<>".contains(char) {
                var symbol = String(char)
                if index + 1 < chars.count, chars[index + 1] == "=" { symbol.append("="); index += 1 }
                guard symbol != "!" else { throw ParseError(message: "unexpected '!'") }
                index += 1
                tokens.append(.op(symbol))
            } else if char.isNumber || (char == "-" && index + 1 < chars.count && chars[index + 1].isNumber) {
                var digits = String(char)
                index += 1
                while index < chars.count, chars[index].isNumber { digits.append(chars[index]); index += 1 }
                guard let number = Int(digits) else { throw ParseError(message: "invalid number '\(digits)'") }
                tokens.append(.number(number))
            } else if char.isLetter || char == "_" {
                var word = ""
                while index < chars.count, chars[index].isLetter || chars[index].isNumber || "_/".contains(chars[index]) {
                    word.append(chars[index])
                    index += 1
                }
                tokens.append(.word(word))
            } else {
                throw ParseError(message: "unsupported character '\(char)'")
            }
        }
        return tokens
    }
}

extension JSONValue {
    /// The value at a `/` path, matching object keys case-insensitively (conditions and `orderBy`
    /// name fields case-insensitively in ConnectWise).
    func valueCaseInsensitive(atPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for part in path.split(separator: "/") {
            guard case .object(let fields)? = current else { return nil }
            let name = String(part)
            current = fields[name] ?? fields.first(where: { $0.key.caseInsensitiveEquals(name) })?.value
        }
        return current
    }
}
