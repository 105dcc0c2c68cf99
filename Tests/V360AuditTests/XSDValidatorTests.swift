import Foundation
import Testing

/// The schema check must be able to fail: otherwise every "valid against both XSDs" test above
/// would pass whatever the reporter wrote.
@Suite struct XSDValidatorTests {
    static let strict = TestPaths.schemas[0]
    static let jenkins = TestPaths.schemas[1]

    static func suite(timestamp: String, testsuitesAttributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites\(testsuitesAttributes)>
          <testsuite name="r" package="v360audit.r" id="0" timestamp="\(timestamp)" hostname="h" tests="1" failures="0" errors="0" skipped="0" time="0.000">
            <properties/>
            <testcase name="c" classname="v360audit.r" time="0.000"/>
            <system-out></system-out>
            <system-err></system-err>
          </testsuite>
        </testsuites>
        """
    }

    @Test func acceptsTheStrictShape() {
        #expect(XSDValidator.isValid(Self.suite(timestamp: "2026-11-01T06:00:00"), schema: Self.strict))
        #expect(XSDValidator.isValid(Self.suite(timestamp: "2026-11-01T06:00:00"), schema: Self.jenkins))
    }

    @Test func rejectsATimeZoneOnTheAntTimestamp() {
        #expect(!XSDValidator.isValid(Self.suite(timestamp: "2026-11-01T06:00:00Z"), schema: Self.strict))
    }

    @Test func rejectsCountsOnTestsuites() {
        let xml = Self.suite(timestamp: "2026-11-01T06:00:00", testsuitesAttributes: #" tests="1" skipped="0""#)
        #expect(!XSDValidator.isValid(xml, schema: Self.strict))
        #expect(!XSDValidator.isValid(xml, schema: Self.jenkins))
    }

    @Test func rejectsMalformedXML() {
        #expect(!XSDValidator.isValid("<testsuites><testsuite>", schema: Self.jenkins))
    }
}
