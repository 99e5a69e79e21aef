import CampaignCore
import CampaignText
import Foundation
import GRDB

/// Minute-by-minute counters straight from the stored history, for
/// sparklines: a restarted dashboard draws the last hours without
/// replaying anything.
public enum MetricSeries {
    /// Counters per minute for each scope value along `dimension`, for the
    /// minutes `from...through` (epoch minutes, `CampaignClock.minute(of:)`).
    /// Each array has one element per minute, zero where nothing happened.
    /// Segments named by name in the stream are folded onto their plan id
    /// with `segmentIDsByName` (`KPIContext.segmentIDsByName`), as KPI rows
    /// are; events that did not name the dimension belong to no row.
    public static func minutes(database: DeckDatabase, dimension: KPIDimension, from: Int64, through: Int64,
                               segmentIDsByName: [String: String] = [:]) throws -> [String: [KPICounters]] {
        guard through >= from else { return [:] }
        let count = Int(through - from + 1)
        return try database.read { db in
            var keys: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, channel, segment, campaign FROM leaf") {
                let name: String
                switch dimension {
                case .channel: name = row["channel"]
                case .segment: name = (row["segment"] as String).isEmpty ? "" : segmentIDsByName[row["segment"]] ?? row["segment"]
                case .campaign: name = row["campaign"]
                case .total: name = "total"
                }
                keys[row["id"]] = name
            }
            var series: [String: [KPICounters]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT minute, leaves FROM metric_minute WHERE minute BETWEEN ? AND ?",
                                           arguments: [from, through])
            while let row = try rows.next() {
                let minute: Int64 = row["minute"]
                guard let leaves = MinuteRecord.decode(Array(row["leaves"] as Data), minute: minute) else {
                    throw StoreError.corrupt(path: database.path, detail: Phrase.dataUnreadableMinute.text(minute))
                }
                for leaf in leaves {
                    guard let key = keys[leaf.leafID], !key.isEmpty else { continue }
                    series[key, default: [KPICounters](repeating: .zero, count: count)][Int(minute - from)] += leaf.counters
                }
            }
            return series
        }
    }

    /// The latest minute with stored data, to anchor "the last hours".
    public static func latestMinute(database: DeckDatabase) throws -> Int64? {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(minute) FROM metric_minute") }
    }
}
