extension ParallelEventReader {
    /// One thread's parser, with symbol tables local to it, and the translation of
    /// its local ids to the reader's shared ids.
    struct Worker: Sendable {
        var sink: EventLineSink
        /// Local id -> shared id, per dimension; grows as the worker meets new names.
        var channelIds: [Int32] = []
        var segmentIds: [Int32] = []
        var campaignIds: [Int32] = []

        /// The time-jump rule and line limit as the stream's; no cap on names,
        /// whose local tables only ever hold what this worker met (the cap is
        /// checked at merge).
        init(limits: EventLimits) {
            var local = limits
            local.maxScopes = .max
            sink = EventLineSink(limits: local)
        }

        /// Parses one part (whole lines) of a source; line numbers start at 1 in it.
        /// Time jumps are judged from the part's own first event on.
        mutating func parse(_ part: UnsafeBufferPointer<UInt8>, sourceName: String) {
            sink.source = sourceName
            sink.lineNumber = 0
            sink.parser.latestAccepted = .min
            sink.parser.latestAtFirstTimeJump = .max
            var assembler = LineAssembler(maximumLineLength: sink.parser.maximumLineLength)
            assembler.feed(part) { sink.take($0, fullLength: $1) }
            assembler.finish { sink.take($0, fullLength: $1) }
        }

        /// Interns the names this worker met since the last call into `shared`.
        mutating func adopt(into shared: inout EventSymbols) {
            Self.extend(&channelIds, from: sink.parser.symbols.channels, into: &shared.channels)
            Self.extend(&segmentIds, from: sink.parser.symbols.segments, into: &shared.segments)
            Self.extend(&campaignIds, from: sink.parser.symbols.campaigns, into: &shared.campaigns)
        }

        private static func extend(_ map: inout [Int32], from local: SymbolTable, into shared: inout SymbolTable) {
            for id in map.count..<local.count { map.append(shared.intern(local.names[id])) }
        }

        /// Rewrites the pending records' ids from local to shared.
        mutating func remapRecords() {
            let channels = channelIds
            let segments = segmentIds
            let campaigns = campaignIds
            sink.records.withUnsafeMutableBufferPointer { records in
                for i in records.indices {
                    if records[i].channel >= 0 { records[i].channel = channels[Int(records[i].channel)] }
                    if records[i].segment >= 0 { records[i].segment = segments[Int(records[i].segment)] }
                    if records[i].campaign >= 0 { records[i].campaign = campaigns[Int(records[i].campaign)] }
                }
            }
        }
    }
}
