import ArgumentParser
import CampaignCore

/// Options shared by the commands that read the event stream.
struct EventSourceOptions: ParsableArguments {
    @Option(help: "The plan file (default: the built-in demo campaign).")
    var plan: String?

    @Argument(help: "Event files (JSON Lines); `-` is standard input. Default: standard input.")
    var files: [String] = []

    var sources: [String] { files.isEmpty ? ["-"] : files }
}

/// Runs the event reader over the sources and reports rejected lines on
/// standard error the way every command does.
enum EventInput {
    static func read(_ sources: [String], consumer: EventConsumer) throws -> IngestStats {
        var reader = EventStreamReader()
        do {
            try reader.read(sources: sources, consumer: consumer)
        } catch let error as EventInputError {
            throw CLIError(error.description, code: .badInput)
        }
        return reader.stats
    }

    /// `N lines rejected` with the first few reasons, so bad input is visible but not noisy.
    static func reportRejections(_ stats: IngestStats, limit: Int = 5) {
        guard stats.rejected > 0 else { return }
        for sample in stats.samples.prefix(limit) {
            Output.error("\(sample.formatted) (\(sample.excerpt))")
        }
        let more = stats.rejected - min(limit, stats.samples.count)
        Output.error("campaign-deck: \(stats.rejected) line\(stats.rejected == 1 ? "" : "s") rejected, \(stats.eventsAccepted) events accepted" + (more > 0 ? " (\(more) more not shown)" : ""))
    }
}
