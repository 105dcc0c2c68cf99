import ManageSimulator
import Testing

@Suite struct QueryParameterTests {
    @Test func fieldsTrimsObjectsIncludingNestedPaths() async throws {
        try await withSimulator { session throws in
            let rows = try #require(session.get("/system/members?fields=id,identifier,securityRole/id&pageSize=1000").json().arrayValue)
            #expect(rows.count == 40)
            for row in rows {
                #expect(row.objectValue?.keys.sorted() == ["id", "identifier", "securityRole"])
                #expect(row["securityRole"]?.objectValue?.keys.sorted() == ["id"])
            }
        }
    }

    @Test func fieldsKeepsAWholeObjectWhenListedWhole() async throws {
        try await withSimulator { session throws in
            let row = try #require(session.get("/system/apiMembers/201?fields=securityRole,securityRole/id").json().objectValue)
            #expect(row.keys.sorted() == ["securityRole"])
            #expect(row["securityRole"]?["name"] == "API - Email reConnector")
        }
    }

    struct ConditionCase: CustomTestStringConvertible, Sendable {
        var conditions: String
        var expectedIds: [Int]
        var testDescription: String { conditions }
    }

    static let conditionCases: [ConditionCase] = [
        ConditionCase(conditions: #"licenseClass = "A" and inactiveFlag = True"#, expectedIds: [207]),
        ConditionCase(conditions: #"securityRole/id = 9"#, expectedIds: [212]),
        ConditionCase(conditions: #"identifier = "v360API""#, expectedIds: [201]),
        ConditionCase(conditions: #"licenseClass != "F" AND licenseClass != "A""#, expectedIds: [124]),
        ConditionCase(conditions: #"lastName = "O'Brien""#, expectedIds: [103]),
        ConditionCase(conditions: #"inactiveFlag = null and licenseClass="A""#, expectedIds: [204]),
        ConditionCase(conditions: #"id >= 210 and id < 212"#, expectedIds: [210, 211]),
        ConditionCase(conditions: #"lastName = null"#, expectedIds: [117] + Array(201...212) + [214]),
        ConditionCase(conditions: #"lastName != null and licenseClass = "A""#, expectedIds: []),
        ConditionCase(conditions: #"inactiveFlag != True and securityRole/name = "API - CIPP""#, expectedIds: [202]),
    ]

    @Test(arguments: conditionCases)
    func conditionsFilterRows(_ testCase: ConditionCase) async throws {
        try await withSimulator { session throws in
            let encoded = try #require(testCase.conditions.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let rows = try #require(session.get("/system/members?pageSize=1000&conditions=\(encoded)").json().arrayValue)
            #expect(rows.compactMap { $0["id"]?.intValue } == testCase.expectedIds)
        }
    }

    @Test(arguments: [
        #"licenseClass like "A*""#, #"id = 1 or id = 2"#, "(id = 1)", #"licenseClass = A"#, "id =", "= 3", #"name = "open"#,
    ])
    func unsupportedConditionsAre400WithErrorBody(_ conditions: String) async throws {
        try await withSimulator { session throws in
            let encoded = try #require(conditions.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let response = try session.get("/system/members?conditions=\(encoded)")
            #expect(response.status == 400)
            #expect(try response.json()["code"]?.stringValue?.isEmpty == false)
            #expect(try response.json()["message"]?.stringValue?.hasPrefix("conditions:") == true)
        }
    }

    @Test func linksKeepOtherQueryParameters() async throws {
        try await withSimulator { session throws in
            let response = try session.get("/system/members?fields=id&conditions=id%3E0&pageSize=10")
            let next = try #require(response.links["next"])
            #expect(next.hasSuffix("/system/members?fields=id&conditions=id%3E0&page=2&pageSize=10"))
        }
    }

    @Test func orderBySortsAndRejectsUnknownDirections() async throws {
        try await withSimulator { session throws in
            let rows = try #require(session.get("/system/securityroles?orderBy=name%20desc").json().arrayValue)
            let names = rows.compactMap { $0["name"]?.stringValue }
            #expect(names == names.sorted { $0.lowercased() > $1.lowercased() })
            #expect(try session.get("/system/securityroles?orderBy=name%20sideways").status == 400)
        }
    }

    @Test func systemInfoIsAnObject() async throws {
        try await withSimulator { session throws in
            let info = try session.get("/system/info").json()
            #expect(info["isCloud"] == false)
            #expect(info["version"]?.stringValue?.isEmpty == false)
        }
    }
}
