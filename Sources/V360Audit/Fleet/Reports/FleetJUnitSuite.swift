/// One `<testsuite>` of the fleet JUnit report (a tenant × rule), rendered but for its `id`,
/// which depends on where the tenant ends up in the report.
struct FleetJUnitSuite: Sendable {
    /// `<tenant>.<rule id>`.
    var name: String
    /// `<tenant>.v360audit.<category>`.
    var package: String
    /// The tenant's capture time, `YYYY-MM-DDThh:mm:ss` (nil: none, the report picks one).
    var timestamp: String?
    /// The PSA host.
    var hostname: String
    /// Test case counts.
    var tests: Int, failures: Int, errors: Int, skipped: Int
    /// Everything between the opening and the closing tag, escaped: properties, test cases, output.
    var body: [UInt8]
}
