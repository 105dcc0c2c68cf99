import ArgumentParser

/// `--notify` and `--notify-when`: who is told the result, and when.
///
/// Each `--notify` names a channel kind and the environment variable that holds its webhook URL
/// (never the URL: it is a secret); see `NotifySpec`.
struct NotifyOptions: ParsableArguments {
    @Option(name: .customLong("notify"),
            help: ArgumentHelp("Post a summary after the reports are written: teams:VAR, slack:VAR or webhook:VAR[:SECRET_VAR], "
                               + "VAR being an environment variable holding the webhook URL (repeatable).",
                               valueName: "spec"))
    var notify: [String] = []

    @Option(name: .customLong("notify-when"),
            help: ArgumentHelp("When to notify: always, failed (gate failed or scan incomplete), or changed (failed, or "
                               + "anything new since the baseline).", valueName: "when"))
    var notifyWhen: NotifyWhen = .changed

    func validate() throws {
        do {
            _ = try specs()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The parsed specs, in the order given.
    /// - Throws: `V360AuditError.usage` (exit 64), never repeating a spec's text.
    func specs() throws(V360AuditError) -> [NotifySpec] {
        var specs: [NotifySpec] = []
        for (index, text) in notify.enumerated() { specs.append(try NotifySpec.parse(text, position: index + 1)) }
        return specs
    }

    /// The channels resolved from the environment (URLs and secrets read from the named variables).
    /// - Throws: `V360AuditError.usage` (exit 64) naming the variable that is missing or invalid.
    func targets(environment: [String: String]) throws(V360AuditError) -> [NotificationTarget] {
        var targets: [NotificationTarget] = []
        for spec in try specs() { targets.append(try NotificationTarget.resolve(spec, environment: environment)) }
        return targets
    }
}

extension NotifyWhen: ExpressibleByArgument {}
