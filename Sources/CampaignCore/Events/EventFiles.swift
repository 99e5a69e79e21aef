import Foundation

/// Event sources read the fastest way each allows: files at rest parsed on
/// all cores (records still arrive in file order), standard input and pipes
/// on one. A final line without a line break is a line.
public enum EventFiles {
    /// Reads every source in order (`-` is standard input); throws
    /// `EventInputError` for a source that cannot be opened or read.
    public static func read(_ sources: [String], limits: EventLimits, consumer: EventConsumer) throws -> IngestStats {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if cores > 1, sources.allSatisfy(isRegularFile) {
            var reader = ParallelEventReader(threads: min(cores, 4), limits: limits)
            try reader.read(sources: sources, consumer: consumer)
            return reader.stats
        }
        var reader = EventStreamReader(limits: limits)
        try reader.read(sources: sources, consumer: consumer)
        return reader.stats
    }

    public static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
