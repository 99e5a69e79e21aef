import CampaignCore

/// The `report_contribution` table: per report source, hour and scope, the
/// figures its last ingested file gave. Re-ingesting subtracts these and adds
/// the new ones (`StoreIngest.ingestReport`), in the transaction that stores
/// the difference in the metric history.
public enum ReportContributions {
    public struct Update: Sendable {
        public var source: String
        /// Each changed key: what was stored when the difference was worked out
        /// (nil: nothing), and the new figures.
        public var figures: [(key: ReportFile.Key, old: KPICounters?, new: KPICounters)]
        /// The file, for the message when another ingest got there first.
        public var path: String
    }

    /// The stored figures of `source` for the hours `keys` fall in.
    public static func load(source: String, keys: [ReportFile.Key], _ database: any StoreEngine) throws -> [ReportFile.Key: KPICounters] {
        guard let hours = hourRange(keys.lazy.map(\.hour)) else { return [:] }
        return try database.readSQL { try stored(source, hours: hours, $0) }
    }

    private static func hourRange(_ hours: some Sequence<Int64>) -> ClosedRange<Int64>? {
        var low = Int64.max, high = Int64.min
        for hour in hours { low = min(low, hour); high = max(high, hour) }
        return low <= high ? low...high : nil
    }

    /// Every stored figure of `source` in `hours`: one range scan of the
    /// primary key (source, hour, …), not a lookup per key.
    private static func stored(_ source: String, hours: ClosedRange<Int64>,
                               _ session: any SQLSession) throws -> [ReportFile.Key: KPICounters] {
        var found: [ReportFile.Key: KPICounters] = [:]
        let count = try session.fetchOne("SELECT count(*) AS n FROM report_contribution WHERE source = ? AND hour BETWEEN ? AND ?",
                                         [.text(source), .integer(hours.lowerBound), .integer(hours.upperBound)])?.int64("n") ?? 0
        found.reserveCapacity(Int(count))
        try session.forEachRow("""
            SELECT hour, channel, segment, campaign, impressions, clicks, conversions, reach, participants,
                   spend_nanos, revenue_nanos
            FROM report_contribution WHERE source = ? AND hour BETWEEN ? AND ?
            """, [.text(source), .integer(hours.lowerBound), .integer(hours.upperBound)]) { row in
            let key = ReportFile.Key(hour: row.int64("hour") ?? 0, channel: row.string("channel") ?? "",
                                     segment: row.string("segment") ?? "", campaign: row.string("campaign") ?? "")
            found[key] = counters(row)
        }
        return found
    }

    /// Stores the new figures, after checking that the old ones are still
    /// what the difference was worked out from: two ingests of the same hours
    /// at once would otherwise both add their difference to the same base.
    static func save(_ update: Update, _ session: any SQLSession) throws {
        let now = AnomalyLog.now()
        // Read inside the transaction that writes, so no other ingest can change them between.
        let current = try hourRange(update.figures.lazy.map(\.key.hour)).map { try stored(update.source, hours: $0, session) } ?? [:]
        for (key, old, c) in update.figures {
            if current[key] != old { throw StoreError.concurrentIngest(path: update.path) }
            try session.execute("""
                INSERT INTO report_contribution(source, hour, channel, segment, campaign, impressions, clicks, conversions,
                                                reach, participants, spend_nanos, revenue_nanos, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(source, hour, channel, segment, campaign) DO UPDATE SET
                    impressions = excluded.impressions, clicks = excluded.clicks, conversions = excluded.conversions,
                    reach = excluded.reach, participants = excluded.participants, spend_nanos = excluded.spend_nanos,
                    revenue_nanos = excluded.revenue_nanos, updated_at = excluded.updated_at
                """, [.text(update.source), .integer(key.hour), .text(key.channel), .text(key.segment), .text(key.campaign),
                      .integer(c.impressions), .integer(c.clicks), .integer(c.conversions), .integer(c.reach),
                      .integer(c.participants), .text(String(c.spend.nanos)), .text(String(c.revenue.nanos)), .integer(now)])
        }
    }

    private static func counters(_ row: SQLRow) -> KPICounters {
        KPICounters(impressions: row.int64("impressions") ?? 0, clicks: row.int64("clicks") ?? 0,
                    conversions: row.int64("conversions") ?? 0, reach: row.int64("reach") ?? 0,
                    participants: row.int64("participants") ?? 0, spend: money(row.string("spend_nanos") ?? ""),
                    revenue: money(row.string("revenue_nanos") ?? ""))
    }

    private static func money(_ text: String) -> Money { Money(nanos: Int128(text) ?? 0) }
}
