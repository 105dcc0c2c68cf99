import Foundation

/// Paths of the repository and the test fixtures, found from this file's location.
enum TestPaths {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/V360AuditTests/Fixtures`.
    static let fixtures = root.appendingPathComponent("Tests/V360AuditTests/Fixtures")
    /// The two JUnit schemas the report must satisfy.
    static let schemas = ["junit.xsd", "jenkins-xunit-junit-10.xsd"].map {
        fixtures.appendingPathComponent("schemas").appendingPathComponent($0)
    }
    /// The committed demo reports.
    static let example = root.appendingPathComponent("reports/example")
    /// The `v360audit` executable built beside the test bundle (`swift build --build-tests` and
    /// `swift test` build both into the same products folder), for tests of the real process.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("v360audit")

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("v360audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
