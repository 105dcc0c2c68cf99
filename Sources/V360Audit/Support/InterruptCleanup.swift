import Foundation
import Synchronization
import V360Core
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the pipe the signal handler wakes the clean-up thread with (a C signal
/// handler cannot capture context; set once, before the handler is installed).
nonisolated(unsafe) private var wakeDescriptor: Int32 = -1

/// Ends the run on SIGINT or SIGTERM without leaving half a file: the temporary files being
/// written are removed, and nothing is renamed into place, so every real name keeps the previous
/// file (or the complete new one, if its rename had already happened).
///
/// A real `sigaction` handler, not a dispatch source: a signal ignored by the parent (cron, a CI
/// runner, a test process) stays ignored in the child, and a dispatch source only sees signals
/// that no thread ignores. The handler only writes the signal's number to a pipe (the one thing
/// a handler may safely do); a thread waiting on the pipe removes the files and exits.
/// The exit code is the shell's convention for a signal (128 + its number: 130, 143): the run
/// produced no result, which is never a pass.
enum InterruptCleanup {
    private static let installed = Mutex(false)

    /// Starts handling SIGINT and SIGTERM (once; later calls do nothing).
    static func install() {
        guard installed.withLock({ done in defer { done = true }; return !done }) else { return }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        wakeDescriptor = ends[1]
        let readEnd = ends[0]
        let waiting = Thread {
            var number: UInt8 = 0
            while read(readEnd, &number, 1) < 0, errno == EINTR {}
            TemporaryFiles.removeAll()
            _exit(128 + Int32(number))
        }
        waiting.start()
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(wakeDescriptor, &byte, 1)
            }
            #else
            action.__sigaction_u.__sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(wakeDescriptor, &byte, 1)
            }
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
            sigaddset(&signals, number)
        }
        // A mask inherited from the parent would hold the signals back from this thread forever.
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
