import Foundation
import V360Core

extension SnapshotStore {
    /// Refuses files written by another format version (checked before reporting any other
    /// decoding problem, which another version's layout would explain).
    static func checkSchemaVersion(_ data: Data, fileName: String) throws(ReaderError) {
        struct Header: Decodable { var schemaVersion: Int? }
        let path = JSONPath([.key("schemaVersion")])
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .invalidSnapshot(file: fileName, line: 1, path: nil, detail: "the file is not a JSON object")
        } catch {
            throw .invalidSnapshot(file: fileName, line: path.line(in: data), path: path.description,
                                   detail: "schemaVersion must be an integer")
        }
        guard let value = header.schemaVersion else {
            throw .invalidSnapshot(file: fileName, line: 1, path: path.description,
                                   detail: "missing schemaVersion (expected \(TenantSnapshot.currentSchemaVersion))")
        }
        guard value == TenantSnapshot.currentSchemaVersion else {
            throw .invalidSnapshot(file: fileName, line: path.line(in: data), path: path.description,
                                   detail: "schemaVersion \(value) is not supported; this build reads "
                                       + "\(TenantSnapshot.currentSchemaVersion)")
        }
    }

    /// Maps a `DecodingError` to the file, line and path it is about.
    static func decodingError(_ error: DecodingError, data: Data, fileName: String) -> ReaderError {
        let path: JSONPath
        let detail: String
        switch error {
        case .keyNotFound(let key, let context):
            path = JSONPath(codingPath: context.codingPath)
            detail = "missing required key \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            path = JSONPath(codingPath: context.codingPath)
            detail = "expected \(type), \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            path = JSONPath(codingPath: context.codingPath)
            detail = "null where \(type) is required"
        case .dataCorrupted(let context):
            path = JSONPath(codingPath: context.codingPath)
            detail = context.debugDescription
        @unknown default:
            return .invalidSnapshot(file: fileName, line: nil, path: nil, detail: String(describing: error))
        }
        return .invalidSnapshot(file: fileName, line: path.line(in: data), path: path.description, detail: detail)
    }

    /// Every non-null key of the file must be one this format writes: the file's bytes are walked
    /// against the keys of the field tables (``KeyNode/init(fields:)``).
    static func rejectUnknownKeys(data: Data, fileName: String) throws(ReaderError) {
        var scanner = JSONByteScanner([UInt8](data))
        var path: [JSONPath.Component] = []
        if let (unknown, offset) = scanner.firstUnknownKey(known: KeyNode(fields: TenantSnapshot.snapshotFields),
                                                           path: &path) {
            throw .invalidSnapshot(file: fileName, line: JSONErrorLocator.position(ofOffset: offset, in: scanner.bytes).line,
                                   path: unknown.description,
                                   detail: "unknown key \"\(unknown.components.last.map { "\($0)" } ?? "")\"")
        }
    }
}
