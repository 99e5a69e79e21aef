import CampaignCore
import Foundation

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
    public static func minutes(database: any StoreEngine, dimension: KPIDimension, from: Int64, through: Int64,
                               segmentIDsByName: [String: String] = [:]) throws -> [String: [KPICounters]] {
        guard through >= from else { return [:] }
        let count = Int(through - from + 1)
        return try database.readSQL { session in
            var keys: [Int64: String] = [:]
            for row in try session.fetchAll("SELECT id, channel, segment, campaign FROM leaf", []) {
                guard let id = row.int64("id") else { continue }
                let segment = row.string("segment") ?? ""
                switch dimension {
                case .channel: keys[id] = row.string("channel") ?? ""
                case .segment: keys[id] = segment.isEmpty ? "" : segmentIDsByName[segment] ?? segment
                case .campaign: keys[id] = row.string("campaign") ?? ""
                case .total: keys[id] = "total"
                }
            }
            var series: [String: [KPICounters]] = [:]
            try StoredLeaves.forEachMinute(session, from: from, through: through, location: database.location) { minute, leaves in
                for leaf in leaves {
                    guard let key = keys[leaf.leafID], !key.isEmpty else { continue }
                    series[key, default: [KPICounters](repeating: .zero, count: count)][Int(minute - from)] += leaf.counters
                }
            }
            return series
        }
    }

    public static func latestMinute(database: any StoreEngine) throws -> Int64? {
        try database.readSQL { try $0.fetchInt64("SELECT max(minute) AS latest FROM metric_minute") }
    }
}
