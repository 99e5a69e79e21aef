import CampaignCore
import Foundation

/// What one posted batch gave: its counts and its rejected lines (the first
/// `IngestStats.sampleLimit`, numbered from 1 within the batch).
public struct BatchOutcome: Sendable, Equatable {
    public var lines = 0
    public var accepted = 0
    public var rejected = 0
    public var skipped = 0
    public var samples: [RejectedLineSample] = []

    public init() {}
}

extension StoreIngest {
    /// Ingests one batch posted to the HTTP collector through the same reader,
    /// fold and batch as a file, and returns only once it is committed: its
    /// events, the anomalies they open, its rejected-line samples, its counts
    /// and its idempotency key with `answer(outcome)` in ONE transaction, so
    /// a kill can never keep the batch without its key or the reverse.
    ///
    /// `body` is JSON Lines (a last line without a line break is a line: the
    /// body is complete). Not thread-safe: one caller at a time (the collector
    /// owns the ingest on one serial queue).
    public func ingestBatch(_ body: [UInt8], source: String, key: CollectorBatchKey?,
                            answer: (BatchOutcome) -> String) throws -> BatchOutcome {
        reader.forgetSamples()
        samples.removeAll()
        reader.begin(source: source, firstLine: 0)
        var delta = IngestStatsDelta()
        func add(_ stats: IngestStats) {
            delta.lines += stats.linesRead
            delta.events += stats.eventsAccepted
            delta.rejected += stats.rejected
            delta.skipped += stats.skipped
        }
        try body.withUnsafeBufferPointer { chunk in
            add(try consume { reader, consumer in try reader.feed(chunk, consumer: consumer) })
        }
        add(try consume { reader, consumer in try reader.finishSource(consumer: consumer) })
        var outcome = BatchOutcome()
        outcome.lines = delta.lines
        outcome.accepted = delta.events
        outcome.rejected = delta.rejected
        outcome.skipped = delta.skipped
        outcome.samples = samples
        samples.removeAll() // a long-running collector keeps no history of them
        let collector = CollectorCommit(key: key, answer: answer(outcome), bytes: body.count, stats: delta)
        try commit(SourceCheckpoint(path: source), continuesFrom: nil, collector: collector)
        _ = try finish() // the answer promises the batch is stored
        return outcome
    }
}
