extension EventStreamReader {
    /// Hands a report file's records (`ReportFile.records`) to `consumer`,
    /// with names interned into this reader's symbol tables, so they fold
    /// and store exactly as JSON lines naming the same channels would.
    public mutating func deliver(reportChanges changes: [(key: ReportFile.Key, old: KPICounters, new: KPICounters)],
                                 consumer: EventConsumer) throws {
        sink.records = ReportFile.records(changes, symbols: &sink.parser.symbols)
        if let latest = sink.records.map(\.timestamp).max() { sink.parser.latestAccepted = max(sink.parser.latestAccepted, latest) }
        try sink.deliver(consumer)
    }
}
