import CampaignCore

/// How `StoreIngest` works: when it commits and how it follows a file.
public struct IngestOptions: Sendable {
    /// Commit after this many events… (small enough that the last commit,
    /// which the run waits for, is short, and the commit thread keeps pace)
    public var commitEvents = 50_000
    /// …or this many seconds since the last commit, whichever comes first.
    public var commitSeconds = 1.0
    /// Bytes asked of each read.
    public var chunkSize = 1 << 20
    /// Keep reading a file as it grows (`--follow`), surviving truncation and rotation.
    public var follow = false
    public var pollSeconds = 0.2
    /// Take an unterminated last line as a line (`--final`: the file is complete).
    /// Without it such a line is pending until its line break arrives.
    public var final = false
    /// Skip the disk sync at each commit (see `DeckDatabase.relaxSyncForIngest`):
    /// for the `ingest` command, whose process writes nothing else.
    public var relaxedSync = false
    /// Distinct scope values, time jumps and the line length (`--max-line-bytes`).
    public var limits = EventLimits.standard
    /// Writes each logged transition's messages to the outbox (nil: none).
    public var outbox: OutboxWriting?
    /// Called on the commit thread after each commit is stored (the watcher
    /// prints the commit's transitions and wakes its sender).
    public var afterCommit: (@Sendable () -> Void)?

    public init() {}
}

/// What ingest did with one source.
public struct SourceReport: Sendable, Equatable {
    public enum Start: Sendable, Equatable {
        /// Never ingested before (or standard input).
        case fresh
        /// Resumed at this byte offset and line.
        case resumed(byteOffset: Int64, line: Int)
        /// Ingested before, but the file no longer matches what was read (rewritten,
        /// truncated or replaced), so it was read from the start.
        case changed(previousOffset: Int64)
    }

    public var path: String
    public var start: Start
    /// Lines, events, rejected and skipped lines read in this run.
    public var lines = 0
    public var events = 0
    public var rejected = 0
    public var skipped = 0
    /// Bytes of the source consumed when the run ended.
    public var endOffset: Int64 = 0
    /// Truncations and rotations noticed while following.
    public var restarts = 0
    /// 1 if the source ended in an unterminated line left for a later run.
    public var pendingLines = 0

    public init(path: String, start: Start) {
        self.path = path
        self.start = start
    }
}

/// Totals of a whole ingest run.
public struct IngestTotals: Sendable, Equatable {
    public var commits = 0
    public var anomaliesOpened = 0
    public var anomaliesRefired = 0
    public var anomaliesRecovered = 0

    public init(commits: Int = 0, anomaliesOpened: Int = 0, anomaliesRefired: Int = 0, anomaliesRecovered: Int = 0) {
        self.commits = commits
        self.anomaliesOpened = anomaliesOpened
        self.anomaliesRefired = anomaliesRefired
        self.anomaliesRecovered = anomaliesRecovered
    }
}
