import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a whole process and measures it from the outside: wall time from spawn to exit, and the
/// kernel's peak resident set size of the child (`wait4`'s `ru_maxrss`).
enum ProcessTimer {
    struct Run {
        var status: Int32
        var wall: Double
        var peakMegabytes: Double
    }

    /// Spawns `path` with `arguments` and `environment`, stdout to /dev/null and stderr to
    /// `stderrPath` (default /dev/null; another file is created or truncated).
    static func run(_ path: String, _ arguments: [String], environment: [String: String],
                    stderrPath: String = "/dev/null") throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw RulesBenchmark.BenchError("cannot start \(path): errno \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(status: code, wall: wall, peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
