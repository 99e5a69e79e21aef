import ArgumentParser
import CampaignCore
import Foundation

/// Options shared by the commands that read the event stream.
struct EventSourceOptions: ParsableArguments {
    @Option(help: "The plan file (default: the built-in demo campaign).")
    var plan: String?

    @Option(help: "Longest event line accepted, in bytes; longer lines are rejected with their length.")
    var maxLineBytes = EventLineParser.defaultMaximumLineLength

    @Argument(help: "Event files (JSON Lines); `-` is standard input. Default: standard input.")
    var files: [String] = []

    var sources: [String] { files.isEmpty ? ["-"] : files }

    func validate() throws {
        try EventInput.validate(maxLineBytes: maxLineBytes)
    }
}

/// Runs the event reader over the sources and reports rejected lines on
/// standard error the way every command does.
enum EventInput {
    /// Reads every source in order. Files at rest are parsed on all cores
    /// (records still arrive in file order); standard input and pipes on one.
    /// A final line without a line break is a line (SPEC §12: no database, nothing pending).
    static func read(_ sources: [String], maximumLineLength: Int = EventLineParser.defaultMaximumLineLength,
                     consumer: EventConsumer) throws -> IngestStats {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        do {
            if cores > 1, sources.allSatisfy(isRegularFile) {
                var reader = ParallelEventReader(threads: min(cores, 4), maximumLineLength: maximumLineLength)
                try reader.read(sources: sources, consumer: consumer)
                return reader.stats
            }
            var reader = EventStreamReader(maximumLineLength: maximumLineLength)
            try reader.read(sources: sources, consumer: consumer)
            return reader.stats
        } catch let error as EventInputError {
            throw CLIError(error.description, code: .badInput)
        }
    }

    /// The line limit is held in memory for a line that spans reads: at most 1 GiB.
    static let lineLimitRange = 1...(1 << 30)

    static func validate(maxLineBytes: Int) throws {
        guard lineLimitRange.contains(maxLineBytes) else {
            throw ValidationError("the line limit must be between 1 and \(lineLimitRange.upperBound) bytes, got \(maxLineBytes) (--max-line-bytes)")
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
