/// One `<testsuite>` of the fleet JUnit report (a tenant × rule), rendered but for its `id`,
/// which depends on where the tenant ends up in the report.
package struct FleetJUnitSuite: Sendable {
    /// `<tenant>.<rule id>`.
    package var name: String
    /// `<tenant>.v360audit.<category>`.
    package var packageName: String
    /// The tenant's capture time, `YYYY-MM-DDThh:mm:ss` (nil: none, the report picks one).
    package var timestamp: String?
    /// The PSA host.
    package var hostname: String
    /// Test case counts.
    package var tests: Int, failures: Int, errors: Int, skipped: Int
    /// Everything between the opening and the closing tag, escaped: properties, test cases, output.
    package var body: [UInt8]
}
