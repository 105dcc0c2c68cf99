import ArgumentParser

/// A command that runs against an injected console and returns its exit code.
protocol ConsoleCommand: AsyncParsableCommand {
    /// Runs the command.
    /// - Returns: The exit code (see `ExitStatus`).
    /// - Throws: Any error; `CommandRunner` maps it to an exit code.
    func execute(console: Console) async throws -> Int32
}

extension ConsoleCommand {
    /// ArgumentParser's entry point; only used if a command is run without `CommandRunner`.
    func run() async throws {
        let code = try await execute(console: .standard())
        if code != 0 { throw ExitCode(code) }
    }
}

/// Parses arguments, runs the command and maps every outcome to an exit code.
enum CommandRunner {
    /// Runs `v360audit` with `arguments` (without the program name).
    /// - Returns: The process exit code: 0, 1, 2 or 64 (help and version: 0).
    static func run(_ arguments: [String], console: Console) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try V360AuditCommand.parseAsRoot(arguments)
        } catch {
            return argumentParserOutcome(error, console: console)
        }
        guard let runnable = command as? any ConsoleCommand else {
            // ArgumentParser's own commands (`help`): they end by throwing CleanExit.
            do {
                var other = command
                try other.run()
                return ExitStatus.passed
            } catch {
                return argumentParserOutcome(error, console: console)
            }
        }
        // `simulate` shuts its server down on a signal itself; every other command may be writing.
        if !(runnable is V360AuditCommand.Simulate) { InterruptCleanup.install() }
        do {
            let code = try await runnable.execute(console: console)
            // A result that did not reach stdout (a full disk behind a redirect) was not delivered.
            if let failure = StandardStreams.stdoutError {
                console.error(failure.description)
                return ExitStatus.incomplete
            }
            return code
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error as ValidationError {
            console.error(error.message)
            return ExitStatus.usage
        } catch {
            let wrapped = V360AuditError.wrap(error)
            console.error(wrapped.description)
            return wrapped.exitCode
        }
    }

    /// Help, version and parse/validation errors: ArgumentParser's text, and its code mapped to 0 or 64.
    private static func argumentParserOutcome(_ error: any Error, console: Console) -> Int32 {
        let message = V360AuditCommand.fullMessage(for: error)
        if V360AuditCommand.exitCode(for: error) == .success {
            if !message.isEmpty { console.out(message) }
            return ExitStatus.passed
        }
        console.err(message)
        return ExitStatus.usage
    }
}
