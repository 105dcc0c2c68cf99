import ManageSimulator
import Testing

/// Every object the simulator serves for the demo tenant conforms to the vendor's OpenAPI schemas
/// (field names and types), so a reader built against the simulator works against a real PSA.
@Suite struct ConformanceTests {
    struct Endpoint: CustomTestStringConvertible, Sendable {
        var path: String
        var schema: String
        var testDescription: String { path }
    }

    static let endpoints: [Endpoint] = [
        Endpoint(path: "/system/members", schema: "Member"),
        Endpoint(path: "/system/apiMembers", schema: "ApiMember"),
        Endpoint(path: "/system/securityroles", schema: "SecurityRole"),
    ] + (1...13).map { Endpoint(path: "/system/securityRoles/\($0)/settings", schema: "SecurityRoleSetting") }

    @Test(arguments: endpoints)
    func servedObjectsMatchTheVendorSchema(_ endpoint: Endpoint) async throws {
        let checker = try SchemaChecker.vendorExcerpt()
        try await withSimulator { session throws in
            let pages = try session.allPages(endpoint.path + "?pageSize=1000")
            let rows = try pages.flatMap { try #require($0.json().arrayValue) }
            #expect(!rows.isEmpty)
            let problems = rows.enumerated().flatMap { index, row in
                checker.problems(row, schema: endpoint.schema, path: "\(endpoint.path)[\(index)]")
            }
            #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        }
    }

    @Test func mySecurityRowsAreSettingsWithAMemberReference() async throws {
        let checker = try SchemaChecker.vendorExcerpt()
        var schema = try #require(checker.schemas["SecurityRoleSetting"]?.objectValue)
        var properties = try #require(schema["properties"]?.objectValue)
        properties["member"] = ["$ref": "#/components/schemas/MemberReference"]
        schema["properties"] = .object(properties)
        try await withSimulator { session throws in
            let rows = try #require(session.get("/system/mySecurity?pageSize=1000").json().arrayValue)
            #expect(!rows.isEmpty)
            let problems = rows.flatMap { checker.problems($0, schema: .object(schema), path: "mySecurity") }
            #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
            #expect(rows.allSatisfy { $0["member"]?["identifier"] == "v360audit" })
        }
    }

    // MARK: - The checker itself can fail

    @Test(arguments: [
        ("Member", #"{"id": 1, "identifer": "x"}"#),  // misspelt field
        ("Member", #"{"id": "1"}"#),  // wrong type
        ("Member", #"{"licenseClass": "Z"}"#),  // not in the enum
        ("Member", #"{"securityRole": {"id": 1, "nmae": "Admin"}}"#),  // misspelt inside a $ref
        ("Member", #"{"hireDate": "yesterday"}"#),  // not a date-time
        ("Member", #"{"firstName": null}"#),  // not nullable
        ("Member", #"{"_info": {"lastUpdated": 5}}"#),  // additionalProperties are strings
        ("Member", #"{"teams": [1, "2"]}"#),  // array items
        ("SecurityRoleSetting", #"{"inquireLevel": "Mine"}"#),  // not in the vendor enum
        ("SecurityRoleSetting", #"{"sortOrder": 3000000000}"#),  // outside int32
        ("ApiMember", #"{"inactiveFlag": "false"}"#),  // string, not boolean
    ])
    func checkerRejectsNonConformingObjects(_ schema: String, _ json: String) throws {
        let checker = try SchemaChecker.vendorExcerpt()
        #expect(!checker.problems(try JSONValue.parse(json), schema: schema).isEmpty)
    }

    @Test func checkerAcceptsAConformingObject() throws {
        let checker = try SchemaChecker.vendorExcerpt()
        let member: JSONValue = try JSONValue.parse(
            #"{"id": 1, "identifier": "x", "inactiveFlag": null, "licenseClass": "A", "securityRole": {"id": 2, "name": "R", "_info": {}}, "teams": [1]}"#)
        #expect(checker.problems(member, schema: "Member") == [])
    }
}
