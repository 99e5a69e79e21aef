import CampaignCore
@testable import CampaignStore
import Foundation

/// Plans, event lines and databases for the store tests. The campaign zone
/// is UTC and the stream starts at 2026-03-02T00:00Z, so minutes are plain.
enum StoreFixtures {
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000

    /// Epoch ms of `minute:second` after the start.
    static func at(_ minute: Int64, _ second: Int64 = 0) -> Int64 { start + minute * 60_000 + second * 1000 }

    /// A fires-at-once CTR rule: judged on the point value over 5 minutes.
    static let ctrRule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none, playbook: swap creatives }"

    static func plan(alerts: [String] = [ctrRule]) -> Plan {
        var text = "campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 45 } }\n"
        if !alerts.isEmpty { text += "alerts:\n" + alerts.map { "  - \($0)\n" }.joined() }
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    /// One JSON line with an epoch-millisecond timestamp.
    static func line(_ minute: Int64, _ second: Int64 = 0, _ type: String, channel: String? = nil, segment: String? = nil,
                     count: Int64? = nil, amount: String? = nil, user: String? = nil) -> String {
        var text = "{\"ts\":\(at(minute, second)),\"type\":\"\(type)\""
        if let channel { text += ",\"channel\":\"\(channel)\"" }
        if let segment { text += ",\"segment\":\"\(segment)\"" }
        if let user { text += ",\"user\":\"\(user)\"" }
        if let count { text += ",\"count\":\(count)" }
        if let amount { text += ",\"amount\":\(amount)" }
        return text + "}\n"
    }

    /// CTR on douyin: 0.5 % in minute 0 (fires), 2.75 % over minutes 0–1
    /// (recovers when minute 1 is judged, on the first event of minute 2).
    static let breachThenRecovery = [
        line(0, 10, "impression", channel: "douyin", count: 1000),
        line(0, 20, "click", channel: "douyin", count: 5),
        line(1, 10, "impression", channel: "douyin", count: 1000),
        line(1, 20, "click", channel: "douyin", count: 50),
        line(2, 10, "impression", channel: "douyin", count: 10),
    ]

    static func write(_ lines: [String], to path: String) throws {
        try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: path))
    }

    static func append(_ lines: [String], to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.joined().utf8))
        try handle.close()
    }

    /// Ingests `path` into `database` with a fresh ingest, as one command run would.
    @discardableResult
    static func ingest(_ path: String, into database: (any StoreEngine)?, plan: Plan = plan(),
                       options: IngestOptions = IngestOptions()) throws -> (SourceReport, IngestTotals) {
        let ingest = try StoreIngest(database: database, plan: plan, options: options)
        let report = try ingest.ingest(path: path)
        return (report, try ingest.finish())
    }

    static func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
