import CampaignCore
import Foundation

/// Reads the stored metric history back as events, so everything built for
/// a live stream (KPI store, alert monitor, reports) works unchanged on a
/// database: `kpi --db` with no files, and a restarted dashboard.
///
/// Each stored minute becomes a handful of aggregated events (one per
/// counter, at the minute's first and last event times), community users
/// one event each in the minute they were first seen that day, gauges their
/// latest reading in the minute, converting users one zero-count conversion
/// each in every minute they bought (for CAC). Windows are whole minutes, so the KPI store ends
/// in the same state as after the raw stream; an out-of-order stream is
/// replayed in time order, which only changes the minutes alerts judged
/// before late events arrived.
public enum StoredHistory {
    /// What a replay produced: the store, the names its ids stand for, and
    /// the ingest counts a KPI report shows.
    public struct Loaded: Sendable {
        public var store: KPIStore
        public var names: ScopeNames
        public var rejected: Int
        public var skipped: Int
        /// Events the history stands for (as ingested, not as replayed).
        public var events: Int64
        /// Distinct converting users, for CAC (empty for history stored
        /// before they were kept, or a stream whose conversions carry none).
        public var users: ConvertingUsers
    }

    /// The stored history folded into a `KPIStore`, for `kpi --db` and the dashboard.
    public static func kpiStore(database: any StoreEngine, context: KPIContext) throws -> Loaded {
        var store = KPIStore(timeZoneIdentifier: context.timeZone)
        var names = ScopeNames(context: context)
        var users = ConvertingUsers()
        let symbols = try replay(database: database) { record, symbols in
            names.update(symbols)
            let leaf = names.leaf(of: record)
            store.add(timestamp: record.timestamp, type: record.type, leaf: leaf, user: record.user,
                      count: record.count, amount: record.amount)
            users.add(record, channel: { leaf.channel >= 0 ? names.name(.channel, leaf.channel) : nil },
                      segment: { leaf.segment >= 0 ? names.name(.segment, leaf.segment) : ResultsReport.noSegment })
        }
        names.update(symbols)
        let totals = try IngestCheckpoints(database: database).totals()
        return Loaded(store: store, names: names, rejected: totals.rejected, skipped: totals.skipped,
                      events: totals.storedEvents, users: users)
    }

    /// A `CampaignMonitor` brought to where the stored history leaves it, with
    /// alert states re-judged minute by minute. The transitions of the replay
    /// are returned, not recorded: they were recorded when first ingested.
    public static func fold(database: any StoreEngine, plan: Plan) throws -> MonitorFold {
        var fold = MonitorFold(plan: plan)
        let symbols = try replay(database: database) { record, symbols in _ = fold.fold(record, symbols: symbols) }
        fold.update(symbols)
        return fold
    }

    /// Calls `body` with every stored event in minute order, with symbol ids
    /// into the tables passed alongside (names are interned as leaves are
    /// read, so ids are dense and stable for a reader that continues with
    /// `EventStreamReader(symbols:)`). Returns the final symbol tables.
    @discardableResult
    public static func replay(database: any StoreEngine,
                              _ body: (EventRecord, EventSymbols) throws -> Void) throws -> EventSymbols {
        try database.readSQL { session in
            let stored = try StoredLeaves.load(session)
            try StoredLeaves.forEachMinute(session, location: database.location) { _, leaves in
                try events(of: leaves, keys: stored.keys) { try body($0, stored.symbols) }
            }
            return stored.symbols
        }
    }

    /// The events one stored minute stands for, with symbol ids of `keys`
    /// (`StoredLeaves.load`).
    static func events(of leaves: [LeafMinute], keys: [Int64: LeafKey], _ body: (EventRecord) throws -> Void) throws {
        func record(_ leafID: Int64, _ at: Int64, _ type: EventType, count: Int64 = 0, amount: Money = .zero,
                    user: UInt64 = EventRecord.noUser) -> EventRecord {
            let leaf = keys[leafID] ?? LeafKey(channel: -1, segment: -1, campaign: -1)
            return EventRecord(timestamp: at, type: type, channel: leaf.channel, segment: leaf.segment,
                               campaign: leaf.campaign, user: user, count: count, amount: amount)
        }
        for leaf in leaves {
            let id = leaf.leafID, last = leaf.lastAt, c = leaf.counters
            // A zero event at the first time: the leaf exists and the earliest time is exact.
            try body(record(id, leaf.firstAt, .impression))
            for (type, count) in [(EventType.impression, c.impressions), (.click, c.clicks), (.reach, c.reach),
                                  (.participation, c.participants)] where count != 0 {
                try body(record(id, last, type, count: count))
            }
            if c.conversions != 0 || c.revenue != .zero {
                try body(record(id, last, .conversion, count: c.conversions, amount: c.revenue))
            }
            if c.spend != .zero { try body(record(id, last, .spend, count: 1, amount: c.spend)) }
            if let membersAt = leaf.membersAt {
                try body(record(id, membersAt, .communityMembers, count: leaf.members))
            }
            for user in leaf.users { try body(record(id, last, .communityActive, count: 1, user: user)) }
            // Counted above; these only say who bought.
            for user in leaf.buyers { try body(record(id, last, .conversion, user: user)) }
        }
    }
}
