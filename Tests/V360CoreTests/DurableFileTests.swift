import Foundation
import TestSupport
import Testing
@testable import V360Core

/// The one file writer: the real name holds the previous file or the whole new one, never a part,
/// and a failure says which file and why in words, leaving nothing behind.
@Suite struct DurableFileTests {
    @Test func writesInPiecesAndLeavesOnlyTheFile() throws {
        let folder = try ScratchFolder()
        let file = try DurableFile(path: folder.file("report.md"))
        var expected = ""
        for index in 0..<50_000 {
            let line = "line \(index)\n"
            file.append(line)
            expected += line
        }
        file.append(Array(repeating: UInt8(ascii: "x"), count: DurableFile.directWriteSize * 2))
        expected += String(repeating: "x", count: DurableFile.directWriteSize * 2)
        #expect(try folder.entries().count == 1, "only the temporary file while writing")
        #expect(!FileManager.default.fileExists(atPath: folder.file("report.md")), "the real name waits for finish")
        try file.finish()
        #expect(try String(contentsOfFile: folder.file("report.md"), encoding: .utf8) == expected)
        #expect(try folder.entries() == ["report.md"])
        #expect(TemporaryFiles.current.isEmpty || !TemporaryFiles.current.contains { $0.hasPrefix(folder.path) })
    }

    @Test func replacesThePreviousFile() throws {
        let folder = try ScratchFolder()
        let path = folder.file("snapshot.json")
        try DurableFile.write("last night\n", to: path)
        try DurableFile.write([Array("tonight\n".utf8)[...], Array("whole\n".utf8)[...]], to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "tonight\nwhole\n")
        #expect(try folder.entries() == ["snapshot.json"])
    }

    @Test(.enabled(if: ScratchFolder.canMount, "needs root to mount a small tmpfs"))
    func aFullDeviceKeepsLastNightsFileAndNamesTheCause() throws {
        let folder = try #require(try ScratchFolder(tmpfsKilobytes: 64))
        let path = folder.file("latest.json")
        try DurableFile.write("last night's good snapshot\n", to: path)
        let tooLarge = String(repeating: "{\"member\": 1}\n", count: 20_000)
        let error = #expect(throws: V360CoreError.self) { try DurableFile.write(tooLarge, to: path) }
        #expect(error == .write(path: path, cause: "no space left on the device"))
        #expect(error?.description == "cannot write \(path): no space left on the device")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "last night's good snapshot\n")
        #expect(try folder.entries() == ["latest.json"], "the temporary file is removed")
    }

    @Test(.enabled(if: ScratchFolder.canMount, "needs root to mount a small tmpfs"))
    func aReadOnlyFileSystemKeepsTheFileAndNamesTheCause() throws {
        let folder = try #require(try ScratchFolder(tmpfsKilobytes: 64))
        let path = folder.file("v360audit.json")
        try DurableFile.write("{}\n", to: path)
        try #require(folder.makeReadOnly())
        let error = #expect(throws: V360CoreError.self) { try DurableFile.write("{\"new\": true}\n", to: path) }
        #expect(error == .write(path: path, cause: "the file system is read-only"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
    }

    @Test func aMissingFolderIsNamed() throws {
        let folder = try ScratchFolder()
        let path = folder.file("no/such/folder/v360audit.md")
        let error = #expect(throws: V360CoreError.self) { try DurableFile.write("x", to: path) }
        #expect(error == .write(path: path, cause: "the folder does not exist"))
    }

    @Test func aFolderInTheWayFailsAndStays() throws {
        let folder = try ScratchFolder()
        let path = folder.file("v360audit.json")
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let error = #expect(throws: V360CoreError.self) { try DurableFile.write("{}\n", to: path) }
        #expect(error?.path == path)
        #expect(try folder.entries() == ["v360audit.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }

    @Test func withoutReplacingAnExistingFileIsRefusedAndUntouched() throws {
        let folder = try ScratchFolder()
        let path = folder.file("integrations.yml")
        try DurableFile.write("keys: []\n", to: path, replacing: false)
        let error = #expect(throws: V360CoreError.self) { try DurableFile.write("draft\n", to: path, replacing: false) }
        #expect(error == .exists(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keys: []\n")
        #expect(try folder.entries() == ["integrations.yml"])
    }

    @Test func anAbandonedOrInterruptedWriteLeavesNothing() throws {
        let folder = try ScratchFolder()
        let abandoned = try DurableFile(path: folder.file("a.md"))
        abandoned.append("half")
        abandoned.abandon()
        #expect(try folder.entries().isEmpty)
        // A signal handler removes every temporary file still being written.
        let interrupted = try DurableFile(path: folder.file("b.md"))
        interrupted.append("half a report")
        #expect(TemporaryFiles.current.contains(interrupted.temporaryPath))
        TemporaryFiles.removeAll(under: folder.path)
        #expect(try folder.entries().isEmpty)
        #expect(throws: V360CoreError.self) { try interrupted.finish() }
        #expect(!FileManager.default.fileExists(atPath: folder.file("b.md")))
    }

    @Test func foldersAreCreatedWithTheirParents() throws {
        let folder = try ScratchFolder()
        try Folders.create(folder.file("reports/2026-12-07"))
        #expect(Folders.isFolder(folder.file("reports/2026-12-07")))
        try DurableFile.write("x", to: folder.file("file"))
        let error = #expect(throws: V360CoreError.self) { try Folders.create(folder.file("file/sub")) }
        #expect(error == .write(path: folder.file("file"), cause: "cannot create the folder: a file is in the way"))
    }
}
