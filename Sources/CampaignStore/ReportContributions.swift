import CampaignCore
import GRDB

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
    public static func load(source: String, keys: [ReportFile.Key], _ database: DeckDatabase) throws -> [ReportFile.Key: KPICounters] {
        guard let low = keys.map(\.hour).min(), let high = keys.map(\.hour).max() else { return [:] }
        return try database.read { db in
            var found: [ReportFile.Key: KPICounters] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT hour, channel, segment, campaign, impressions, clicks, conversions, reach, participants,
                       spend_nanos, revenue_nanos
                FROM report_contribution WHERE source = ? AND hour BETWEEN ? AND ?
                """, arguments: [source, low, high])
            while let row = try rows.next() {
                let key = ReportFile.Key(hour: row[0], channel: row[1], segment: row[2], campaign: row[3])
                found[key] = KPICounters(impressions: row[4], clicks: row[5], conversions: row[6], reach: row[7],
                                         participants: row[8], spend: money(row[9]), revenue: money(row[10]))
            }
            return found
        }
    }

    /// Stores the new figures, after checking that the old ones are still
    /// what the difference was worked out from: two ingests of the same hours
    /// at once would otherwise both add their difference to the same base.
    static func save(_ update: Update, _ db: Database) throws {
        let now = AnomalyLog.now()
        for (key, old, c) in update.figures {
            let stored = try stored(update.source, key, db)
            if stored != old { throw StoreError.concurrentIngest(path: update.path) }
            try db.execute(sql: """
                INSERT INTO report_contribution(source, hour, channel, segment, campaign, impressions, clicks, conversions,
                                                reach, participants, spend_nanos, revenue_nanos, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(source, hour, channel, segment, campaign) DO UPDATE SET
                    impressions = excluded.impressions, clicks = excluded.clicks, conversions = excluded.conversions,
                    reach = excluded.reach, participants = excluded.participants, spend_nanos = excluded.spend_nanos,
                    revenue_nanos = excluded.revenue_nanos, updated_at = excluded.updated_at
                """, arguments: [update.source, key.hour, key.channel, key.segment, key.campaign, c.impressions, c.clicks,
                                 c.conversions, c.reach, c.participants, String(c.spend.nanos), String(c.revenue.nanos), now])
        }
    }

    private static func stored(_ source: String, _ key: ReportFile.Key, _ db: Database) throws -> KPICounters? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT impressions, clicks, conversions, reach, participants, spend_nanos, revenue_nanos FROM report_contribution
            WHERE source = ? AND hour = ? AND channel = ? AND segment = ? AND campaign = ?
            """, arguments: [source, key.hour, key.channel, key.segment, key.campaign]) else { return nil }
        return KPICounters(impressions: row[0], clicks: row[1], conversions: row[2], reach: row[3], participants: row[4],
                           spend: money(row[5]), revenue: money(row[6]))
    }

    private static func money(_ text: String) -> Money { Money(nanos: Int128(text) ?? 0) }
}
