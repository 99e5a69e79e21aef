extension EventStreamReader {
    /// Hands a report file's records (`ReportFile.records`) to `consumer`,
    /// with names interned into this reader's symbol tables, so they fold
    /// and store exactly as JSON lines naming the same channels would.
    /// `old` nil: nothing was stored for the key.
    ///
    /// A slice of `ReportFile.recordSlice` changes at a time: the records of
    /// a 200,000-row file all at once were a fifth of its ingest's peak
    /// memory, and a consumer folds record by record, so the slices add up
    /// to what one batch would.
    public mutating func deliver(reportChanges changes: [(key: ReportFile.Key, old: KPICounters?, new: KPICounters)],
                                 consumer: EventConsumer) throws {
        for start in stride(from: changes.startIndex, to: changes.endIndex, by: ReportFile.recordSlice) {
            let slice = changes[start..<min(start + ReportFile.recordSlice, changes.endIndex)]
            sink.records = ReportFile.records(slice.map { ($0.key, $0.old ?? .zero, $0.new) }, symbols: &sink.parser.symbols)
            if let latest = sink.records.map(\.timestamp).max() { sink.parser.latestAccepted = max(sink.parser.latestAccepted, latest) }
            try sink.deliver(consumer)
        }
    }
}
