import Foundation

/// One JSON object of an API response, read leniently: unknown fields are ignored, a null or
/// mistyped optional field reads as absent, and only the identifying fields are required.
struct APIObject {
    let raw: [String: Any]
    /// The row's position in its page (for error messages).
    let index: Int
    let endpoint: String

    /// The rows of a list response.
    /// - Throws: ``ReaderError/badData(endpoint:detail:)`` when the body is not a JSON array of objects.
    static func array(from body: Data, endpoint: String) throws(ReaderError) -> [APIObject] {
        guard let array = try parse(body, endpoint: endpoint) as? [Any] else {
            throw .badData(endpoint: endpoint, detail: "expected a JSON array of records")
        }
        var objects: [APIObject] = []
        objects.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            guard let object = element as? [String: Any] else {
                throw .badData(endpoint: endpoint, detail: "record \(index) is not a JSON object")
            }
            objects.append(APIObject(raw: object, index: index, endpoint: endpoint))
        }
        return objects
    }

    /// A single-object response.
    static func object(from body: Data, endpoint: String) throws(ReaderError) -> APIObject {
        guard let object = try parse(body, endpoint: endpoint) as? [String: Any] else {
            throw .badData(endpoint: endpoint, detail: "expected a JSON object")
        }
        return APIObject(raw: object, index: 0, endpoint: endpoint)
    }

    private static func parse(_ body: Data, endpoint: String) throws(ReaderError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            // Foundation's message names only a character offset; the body itself may hold tenant data, so it is not quoted.
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
            throw .badData(endpoint: endpoint, detail: "the response is not valid JSON (\(reason))")
        }
    }

    private func value(_ key: String) -> Any? {
        guard let value = raw[key], !(value is NSNull) else { return nil }
        return value
    }

    func string(_ key: String) -> String? { value(key) as? String }

    func int(_ key: String) -> Int? {
        if let int = value(key) as? Int { return int }
        return (value(key) as? NSNumber).flatMap { Int(exactly: $0.doubleValue) }
    }

    func bool(_ key: String) -> Bool? { value(key) as? Bool }

    func object(_ key: String) -> APIObject? {
        (value(key) as? [String: Any]).map { APIObject(raw: $0, index: index, endpoint: endpoint) }
    }

    /// A level kept raw; a non-string value is kept as its text (and so ranks as an unknown level: fail safe).
    func level(_ key: String) -> PermissionLevel {
        guard let value = value(key) else { return .null }
        return PermissionLevel(value as? String ?? String(describing: value))
    }

    /// An open string map such as `_info`; non-string values are dropped.
    func stringMap(_ key: String) -> [String: String]? {
        (value(key) as? [String: Any]).map { $0.compactMapValues { $0 as? String } }
    }

    func requiredInt(_ key: String) throws(ReaderError) -> Int {
        guard let value = int(key) else { throw missing(key) }
        return value
    }

    func requiredString(_ key: String) throws(ReaderError) -> String {
        guard let value = string(key) else { throw missing(key) }
        return value
    }

    private func missing(_ key: String) -> ReaderError {
        .badData(endpoint: endpoint, detail: "record \(index) has no \(key)")
    }
}
