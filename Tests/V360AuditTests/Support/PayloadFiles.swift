import Foundation

/// Notification payloads the tests write out for `scripts/check-notify-payloads.py` (run by
/// `.ci/run`), which validates the Teams cards against the Adaptive Card 1.5 JSON schema and
/// verifies the webhook signature with Python's own `hmac`: checks no Swift library here can make
/// independently.
enum PayloadFiles {
    /// `.build/notify-payloads` in the package.
    static let directory = TestPaths.root.appendingPathComponent(".build/notify-payloads")

    /// Writes `bytes` as `name` in ``directory``.
    static func write(_ bytes: some Sequence<UInt8>, as name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    /// A decoded JSON object (the test fails on anything else).
    static func object(_ bytes: some Sequence<UInt8>) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    /// Every JSON object nested anywhere in `value` (itself included) whose `type` is `type`.
    static func objects(ofType type: String, in value: Any) -> [[String: Any]] {
        var found: [[String: Any]] = []
        if let object = value as? [String: Any] {
            if object["type"] as? String == type { found.append(object) }
            for child in object.values { found += objects(ofType: type, in: child) }
        } else if let array = value as? [Any] {
            for child in array { found += objects(ofType: type, in: child) }
        }
        return found
    }
}
