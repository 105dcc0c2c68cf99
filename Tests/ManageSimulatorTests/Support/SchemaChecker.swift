import Foundation
import ManageSimulator

/// A checker for the subset of OpenAPI 3.0 schema the vendor excerpt uses: `type` (object,
/// array, string, integer, number, boolean), `format` int32 / date-time, `enum`, `nullable`,
/// `$ref` to other component schemas, `items`, `properties` and `additionalProperties`.
///
/// Every field of a served object must be declared by its schema (so a misspelt field fails),
/// and every value must have the declared type. `required` is checked separately, by
/// ``missingProperties(_:schema:also:path:)``: client libraries generated from the spec refuse an
/// object without a required property, so a full read (no `fields=`) must carry them all.
struct SchemaChecker {
    /// Component schemas by name (`components.schemas` plus the excerpt's `x-schemas-from-go-sdk`).
    let schemas: [String: JSONValue]

    /// Loads the vendor excerpt copied into `Fixtures/`, plus the `IntegratorLogin` schema the
    /// excerpt lacks (`Fixtures/connectwise-integrator-login-schema.json`, same source repository).
    static func vendorExcerpt() throws -> SchemaChecker {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        var schemas: [String: JSONValue] = [:]
        for file in ["connectwise-openapi-excerpt.json", "connectwise-integrator-login-schema.json"] {
            let url = fixtures.appendingPathComponent(file)
            let document = try JSONValue.parse(Array(Data(contentsOf: url)), source: file)
            for section in ["schemas", "x-schemas-from-go-sdk"] {
                for (name, schema) in document["components"]?[section]?.objectValue ?? [:] { schemas[name] = schema }
            }
        }
        return SchemaChecker(schemas: schemas)
    }

    /// The properties of the named schema's `required` list, and `also`, that `value` lacks (a
    /// null counts as present: nullability is ``problems(_:schema:path:)``'s to judge).
    func missingProperties(_ value: JSONValue, schema name: String, also: [String] = [], path: String = "$") -> [String] {
        let required = (schemas[name]?["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard let fields = value.objectValue else { return ["\(path): expected an object, found \(value.typeName)"] }
        return required.filter { fields[$0] == nil }.map { "\(path).\($0): missing (\(name) requires it)" }
            + also.filter { fields[$0] == nil }.map { "\(path).\($0): missing (every real \(name) has it)" }
    }

    /// Problems of `value` against the named component schema; empty when it conforms.
    func problems(_ value: JSONValue, schema name: String, path: String = "$") -> [String] {
        guard let schema = schemas[name] else { return ["\(path): no schema named \(name)"] }
        return problems(value, schema: schema, path: path)
    }

    /// Problems of `value` against an inline schema.
    func problems(_ value: JSONValue, schema: JSONValue, path: String) -> [String] {
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            guard schemas[name] != nil else {
                // The excerpt does not carry every referenced schema (e.g. StructureReference); such
                // references are only known to be objects.
                return value.objectValue == nil ? ["\(path): expected an object (\(name)), found \(value.typeName)"] : []
            }
            return problems(value, schema: name, path: path)
        }
        if value == .null {
            return schema["nullable"] == .bool(true) ? [] : ["\(path): null is not allowed (not nullable)"]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            return ["\(path): \(value.jsonText) is not one of \(JSONValue.array(allowed).jsonText)"]
        }
        switch schema["type"]?.stringValue {
        case "integer":
            guard case .int(let number) = value else { return ["\(path): expected an integer, found \(value.typeName)"] }
            if schema["format"] == "int32", Int32(exactly: number) == nil { return ["\(path): \(number) is outside int32"] }
        case "number":
            guard value.typeName == "integer" || value.typeName == "number" else { return ["\(path): expected a number, found \(value.typeName)"] }
        case "boolean":
            guard value.boolValue != nil else { return ["\(path): expected a boolean, found \(value.typeName)"] }
        case "string":
            guard let text = value.stringValue else { return ["\(path): expected a string, found \(value.typeName)"] }
            if schema["format"] == "date-time", ISO8601DateFormatter().date(from: text) == nil {
                return ["\(path): \"\(text)\" is not an ISO-8601 date-time"]
            }
        case "array":
            guard let items = value.arrayValue else { return ["\(path): expected an array, found \(value.typeName)"] }
            let itemSchema = schema["items"] ?? [:]
            return items.enumerated().flatMap { index, item in problems(item, schema: itemSchema, path: "\(path)[\(index)]") }
        case "object", nil:
            guard let fields = value.objectValue else { return ["\(path): expected an object, found \(value.typeName)"] }
            return objectProblems(fields, schema: schema, path: path)
        case let other?:
            return ["\(path): the checker does not know schema type \(other)"]
        }
        return []
    }

    private func objectProblems(_ fields: [String: JSONValue], schema: JSONValue, path: String) -> [String] {
        let properties = schema["properties"]?.objectValue
        let additional = schema["additionalProperties"]
        var out: [String] = []
        for key in fields.keys.sorted() {
            let value = fields[key]!
            if let property = properties?[key] {
                out += problems(value, schema: property, path: "\(path).\(key)")
            } else if let additional {
                out += problems(value, schema: additional, path: "\(path).\(key)")
            } else {
                out.append("\(path).\(key): field is not in the schema")
            }
        }
        return out
    }
}
