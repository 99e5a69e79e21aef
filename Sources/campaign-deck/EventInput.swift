import ArgumentParser
import CampaignCore
import Foundation

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
    /// Reads every source in order. Files at rest are parsed on all cores
    /// (records still arrive in file order); standard input and pipes on one.
    static func read(_ sources: [String], consumer: EventConsumer) throws -> IngestStats {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        do {
            if cores > 1, sources.allSatisfy(isRegularFile) {
                var reader = ParallelEventReader(threads: min(cores, 4))
                try reader.read(sources: sources, consumer: consumer)
                return reader.stats
            }
            var reader = EventStreamReader()
            try reader.read(sources: sources, consumer: consumer)
            return reader.stats
        } catch let error as EventInputError {
            throw CLIError(error.description, code: .badInput)
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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
