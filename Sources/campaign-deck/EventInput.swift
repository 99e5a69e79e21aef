import ArgumentParser
import CampaignCore
import CampaignText
import Foundation

/// Options shared by the commands that read the event stream.
struct EventSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Phrase.cliPlanOrDemo.text()))
    var plan: String?

    @Argument(help: ArgumentHelp(Phrase.cliEventSourceFiles.text()))
    var files: [String] = []

    @OptionGroup var bounds: EventLimitOptions

    @Option(help: ArgumentHelp(Phrase.sourceKPIOptionHelp.text("sources:")))
    var source: String?

    /// Reads the files (JSON lines, or with `--source` report files through the plan's mapping).
    func read(plan: Plan, storedAlternative: Bool = false, consumer: EventConsumer) throws -> IngestStats {
        guard let source else { return try EventInput.read(sources(storedAlternative: storedAlternative), limits: bounds.limits, consumer: consumer) }
        let mapping = try ReportIngest.source(source, plan: plan, planGiven: self.plan != nil)
        if files.isEmpty || files.contains("-") { throw CLIError(Phrase.sourceNoFollow.text()) }
        do {
            return try ReportFileReader.events(paths: files, source: mapping, timeZone: plan.campaign.timezone, limits: bounds.limits,
                                               consumer: consumer)
        } catch let error as ReportFileError {
            throw CLIError(Phrase.cliPlace.text(error.message, "--source \(source)"))
        }
    }

    /// The files given, else standard input. Standard input that is a
    /// terminal is refused: nobody types JSON Lines by hand, and a command
    /// waiting silently for them looks hung. `-` still reads it on purpose.
    /// `storedAlternative`: the command reads a database too (`--db PATH`), for the hint.
    func sources(storedAlternative: Bool = false) throws -> [String] {
        if !files.isEmpty { return files }
        guard isatty(STDIN_FILENO) != 1 else {
            throw CLIError(Phrase.cliStdinTerminal.text(),
                           hint: storedAlternative ? Phrase.cliStdinTerminalHintStored.text() : Phrase.cliStdinTerminalHint.text())
        }
        return ["-"]
    }
}

/// The bounds every command that reads events applies (`EventLimits`: distinct
/// scope values, time jumps and the line length).
struct EventLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Phrase.cliEventLimitMaxScopes.text(),
                               valueName: "count"))
    var maxScopes = EventLimits.defaultMaxScopes

    @Option(help: ArgumentHelp(Phrase.cliEventLimitMaxTimeJump.text(),
                               valueName: "duration"))
    var maxTimeJump = EventLimits.timeJumpText(EventLimits.defaultMaxTimeJump)

    @Option(help: ArgumentHelp(Phrase.cliEventLimitMaxLineBytes.text()))
    var maxLineBytes = EventLineParser.defaultMaximumLineLength

    func validate() throws {
        try EventInput.validate(maxLineBytes: maxLineBytes)
        if maxScopes < 1 { throw ValidationError(Phrase.cliAtLeastOne.text("--max-scopes", maxScopes)) }
        if EventLimits.timeJump(parsing: maxTimeJump) == nil {
            throw ValidationError(Phrase.cliMaxTimeJump.text(maxTimeJump))
        }
    }

    var limits: EventLimits {
        EventLimits(maxScopes: maxScopes, maxTimeJump: EventLimits.timeJump(parsing: maxTimeJump) ?? EventLimits.defaultMaxTimeJump,
                    maximumLineLength: maxLineBytes)
    }
}

/// The commands' side of reading events: `EventFiles` reads, this maps its
/// errors to the CLI's and reports rejected lines the way every command does.
enum EventInput {
    static func read(_ sources: [String], limits: EventLimits, consumer: EventConsumer) throws -> IngestStats {
        do {
            return try EventFiles.read(sources, limits: limits, consumer: consumer)
        } catch let error as EventInputError {
            throw CLIError(error.description, code: .badInput)
        }
    }

    /// The line limit is held in memory for a line that spans reads: at most 1 GiB.
    static let lineLimitRange = 1...(1 << 30)

    static func validate(maxLineBytes: Int) throws {
        guard lineLimitRange.contains(maxLineBytes) else {
            throw ValidationError(Phrase.cliLineLimit.text(lineLimitRange.upperBound, maxLineBytes))
        }
    }

    /// `N lines rejected` with the first few reasons, so bad input is visible but not noisy.
    static func reportRejections(_ stats: IngestStats, limit: Int = 5) {
        guard stats.rejected > 0 else { return }
        for sample in stats.samples.prefix(limit) {
            Output.error("\(sample.formatted) (\(sample.excerpt))")
        }
        let more = stats.rejected - min(limit, stats.samples.count)
        Output.error(CommandLineMessages.rejectedLines(stats.rejected, accepted: stats.eventsAccepted, notShown: more))
    }
}
