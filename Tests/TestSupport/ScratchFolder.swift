import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Test support shared by the test targets (a regular target: SwiftPM test targets cannot depend
/// on each other).
///
/// A temporary folder for one test, optionally a small tmpfs of its own (to fill a device or make
/// a read-only file system for real), removed afterwards.
public final class ScratchFolder {
    /// The folder's path.
    public let path: String
    private let mounted: Bool

    /// A plain temporary folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("v360core-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        mounted = false
    }

    /// A folder holding a tmpfs of `kilobytes`; nil when this
    /// process may not mount (not root, or a sandbox that forbids it).
    public init?(tmpfsKilobytes kilobytes: Int) throws {
        guard Self.canMount else { return nil }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("v360core-fs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        mounted = true
    }

    /// Fills the tmpfs: a file takes every free byte, so the next write fails with "no space".
    public func fill() throws {
        let filler = FileHandle(forWritingAtPath: file(".filler")) ?? {
            FileManager.default.createFile(atPath: file(".filler"), contents: nil)
            return FileHandle(forWritingAtPath: file(".filler"))!
        }()
        let chunk = Data(count: 4096)
        while (try? filler.write(contentsOf: chunk)) != nil {}
        try? filler.close()
    }

    /// Remounts the tmpfs read-only (files written before stay readable).
    public func makeReadOnly() -> Bool {
        Self.run("/bin/mount", ["-o", "remount,ro", path])
    }

    deinit {
        if mounted { _ = Self.run("/bin/umount", ["-l", path]) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// The folder's entries, sorted.
    public func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    /// True when this process is root and `mount` exists (CI runs as root).
    public static var canMount: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
