import Foundation
import V360Core

/// Reads and writes snapshot files: deterministic on the way out, strict on the way in.
///
/// Decoding refuses another `schemaVersion`, unknown keys, and anything malformed, naming the
/// file, the line and the JSON path (e.g. `members[3].identifier`), because a snapshot is an input
/// file the user may have edited and a silently ignored key would change a scan's meaning.
public enum SnapshotStore {
    /// Sorted keys, pretty printed, ISO-8601 dates: the same snapshot always gives the same bytes,
    /// those of ``referenceEncoding(_:)`` (written directly by ``SnapshotWriter``, which is many
    /// times faster than `JSONEncoder` on a large tenant).
    public static func encode(_ snapshot: TenantSnapshot) throws -> Data {
        Data(SnapshotWriter.encode(snapshot))
    }

    /// The same bytes as ``encode(_:)`` made by `JSONEncoder`: the definition of the format, which
    /// tests hold ``SnapshotWriter`` to.
    public static func referenceEncoding(_ snapshot: TenantSnapshot) throws -> Data {
        try JSONOutput.encoder().encode(snapshot)
    }

    /// Decodes a snapshot strictly.
    /// - Parameter fileName: the name used in error messages.
    /// - Throws: ``ReaderError/invalidSnapshot(file:line:path:detail:)``.
    public static func decode(_ data: Data, fileName: String) throws(ReaderError) -> TenantSnapshot {
        // The fast path reads the plain form of the format; anything else (including every error)
        // goes the strict way below, which accepts or explains it as it always did.
        if var snapshot = SnapshotReader.decode(data), snapshot.schemaVersion == TenantSnapshot.currentSchemaVersion,
           snapshot.format == nil || snapshot.format == TenantSnapshot.formatName {
            snapshot.format = TenantSnapshot.formatName
            return snapshot
        }
        return try strictDecode(data, fileName: fileName)
    }

    /// Decodes with `JSONDecoder` and the unknown-key walk: the reference behaviour, with errors
    /// naming file, line and path.
    static func strictDecode(_ data: Data, fileName: String) throws(ReaderError) -> TenantSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var snapshot: TenantSnapshot
        do {
            snapshot = try decoder.decode(TenantSnapshot.self, from: data)
        } catch {
            // Explain the failure: syntax first, then the format version, then the exact field.
            if let syntax = JSONErrorLocator.firstSyntaxError(in: data, file: fileName) {
                throw .invalidSnapshot(file: fileName, line: syntax.line, path: nil,
                                       detail: "malformed JSON \(syntax.problemAtColumn)")
            }
            try checkSchemaVersion(data, fileName: fileName)
            guard let error = error as? DecodingError else {
                throw .invalidSnapshot(file: fileName, line: nil, path: nil, detail: String(describing: error))
            }
            throw decodingError(error, data: data, fileName: fileName)
        }
        guard snapshot.schemaVersion == TenantSnapshot.currentSchemaVersion else {
            try checkSchemaVersion(data, fileName: fileName)
            throw .invalidSnapshot(file: fileName, line: nil, path: "schemaVersion", detail: "unsupported schemaVersion")
        }
        if let format = snapshot.format, format != TenantSnapshot.formatName {
            throw .invalidSnapshot(file: fileName, line: JSONPath([.key("format")]).line(in: data), path: "format",
                                   detail: "format is \"\(format)\", not \"\(TenantSnapshot.formatName)\"")
        }
        try rejectUnknownKeys(data: data, fileName: fileName)
        // A file from before `format` existed is still this format: write it as such.
        snapshot.format = TenantSnapshot.formatName
        return snapshot
    }

    /// Reads and strictly decodes a snapshot file.
    public static func load(from url: URL) throws(ReaderError) -> TenantSnapshot {
        try loadHashed(from: url).snapshot
    }

    /// Reads and strictly decodes a snapshot file, and hashes its bytes on the other core meanwhile,
    /// so a scan can fingerprint the file as read without encoding the snapshot again.
    /// - Returns: The snapshot and the SHA-256 of the file as lower-case hex.
    public static func loadHashed(from url: URL) throws(ReaderError) -> (snapshot: TenantSnapshot, sha256: String) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .snapshotIO(file: url.path, detail: "cannot read the snapshot: \((error as NSError).localizedDescription)")
        }
        let (decoded, sha256) = concurrently({ Result { () throws(ReaderError) in try decode(data, fileName: url.path) } },
                                             { SHA256Hex.of(data) })
        return (try decoded.get(), sha256)
    }

    /// Writes a snapshot durably (see ``write(_:to:)``).
    public static func save(_ snapshot: TenantSnapshot, to url: URL) throws(V360CoreError) {
        try DurableFile.write(SnapshotWriter.encode(snapshot), to: url.path)
    }

    /// Writes bytes made by ``encode(_:)`` durably (``DurableFile``): temporary file, `fsync`,
    /// rename, folder synced; a failure leaves the previous file as it was.
    public static func write(_ encoded: Data, to url: URL) throws(V360CoreError) {
        try DurableFile.write([UInt8](encoded), to: url.path)
    }

    /// The SHA-256 of a snapshot file's bytes as lower-case hex (reports fingerprint the snapshot
    /// they were made from).
    public static func sha256Hex(_ data: Data) -> String { SHA256Hex.of(data) }
}
