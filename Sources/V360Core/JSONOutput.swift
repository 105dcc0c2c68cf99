import Foundation

/// The one `JSONEncoder` set-up of the project: what `plan --format json`, `diff --format json`,
/// `profiles list --format json` print and the reference encoding of snapshots is made with.
///
/// Sorted keys and pretty printing make the bytes deterministic; slashes are written as they are
/// (URLs and "Module / Function" names stay readable); dates are ISO 8601, as in snapshot files.
/// The streaming writers (the JSON report, snapshots) produce exactly this layout without it.
public enum JSONOutput {
    /// A new encoder with the project's settings (`JSONEncoder` is not `Sendable`: one per use).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value` encoded as the project's JSON text.
    public static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
