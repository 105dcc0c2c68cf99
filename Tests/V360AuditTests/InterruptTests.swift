import Foundation
import Testing
@testable import V360Audit

/// SIGINT or SIGTERM during a read ends the run without writing anything: last night's reports
/// and snapshot stay as they were, and no temporary file is left.
@Suite struct InterruptTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalDuringTheReadLeavesLastNightsFiles(_ signal: Int32) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: TestPaths.executable.path),
                     "build the executable beside the tests: swift build --build-tests")
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lastNight = ["v360audit.json": "{\"last\": \"night\"}\n", "latest.json": "{\"snapshot\": 1}\n"]
        for (name, text) in lastNight { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        // A PSA that takes the connection and never answers: the read is still going when the
        // signal comes, however slow the machine.
        let silent = try SilentListener()
        defer { silent.close() }
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = ["scan", "--output-dir", directory.path, "--save-snapshot",
                             directory.appendingPathComponent("latest.json").path]
        process.environment = ["CWM_SITE": "http://127.0.0.1:\(silent.port)", "CWM_COMPANY_ID": "demomsp",
                               "CWM_PUBLIC_KEY": "DemoPublicKey01", "CWM_PRIVATE_KEY": "DemoPrivateKey02",
                               "CWM_CLIENT_ID": "0f1e2d3c-4b5a-4968-8776-655443322110"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Signal once the process catches it (its handler is installed before the read starts). A
        // bound, not a timing: a debug binary on a loaded machine once took over 30 s to get there.
        for _ in 0..<3000 where !Self.catches(process.processIdentifier, signal) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(Self.catches(process.processIdentifier, signal), "the handler was never installed")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["latest.json", "v360audit.json"], "nothing new, no temporary file: \(names)")
        for (name, text) in lastNight {
            #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) == text)
        }
    }

    /// True when `/proc/PID/status` lists `signal` among the caught signals (`SigCgt`).
    static func catches(_ pid: Int32, _ signal: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }
}

/// A TCP listener on loopback that never accepts: connections complete in the kernel's backlog
/// and requests wait for an answer that never comes.
private final class SilentListener: Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
