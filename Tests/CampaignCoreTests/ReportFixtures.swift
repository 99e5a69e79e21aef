@testable import CampaignCore
import Foundation

/// The small plan and stream in Fixtures/report whose results are worked out
/// by hand in the Report*Tests (CLITests/ReportCommandTests reads the same
/// files). Campaign zone Asia/Shanghai (UTC+8); the stream runs over 03-04
/// (the day before yesterday for a stand-up on 03-06) and 03-05:
///
/// | day   | channel | segment | impressions | clicks | conversions (user) | revenue | spend  |
/// |-------|---------|---------|-------------|--------|--------------------|---------|--------|
/// | 03-04 | douyin  | vip     | 1000        | 20     | 2 (u1)             | 300     |        |
/// | 03-04 | douyin  | —       |             |        |                    |         | 100.10 |
/// | 03-05 | douyin  | vip/VIP | 1000        | 30     | 1 (u1)             | 100.25  |        |
/// | 03-05 | douyin  | —       |             |        |                    |         | 50.05  |
/// | 03-05 | search  | —       | 500         | 5      | 1 (u2)             | 60      | 30     |
/// | 03-05 | events  | —       |             |        |                    |         | 200    |
/// | 03-05 | tiktok  | —       |             |        |                    |         | 10     |
///
/// One impression line names the segment by its name "VIP", which folds onto vip.
enum ReportFixtures {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/report")

    static var plan: Plan {
        let text = try! String(contentsOf: folder.appendingPathComponent("plan.yaml"), encoding: .utf8)
        return PlanDocument(text: text).plan!
    }

    static func at(day: Int, _ hour: Int64, _ minute: Int64) -> Int64 {
        CampaignClock(timeZoneIdentifier: "Asia/Shanghai").start(of: Day(year: 2026, month: 3, day: day)!)
            + hour * 3_600_000 + minute * 60_000
    }

    static func money(_ text: String) -> Money { Money(decimal: Decimal(string: text)!) }

    /// The stream read the way `report` reads it: the same parser, the same
    /// segment folding, the same converting users.
    static func load() -> (store: KPIStore, users: ConvertingUsers, names: ScopeNames) {
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai")
        var names = ScopeNames(context: KPIContext(plan: plan))
        var users = ConvertingUsers()
        var reader = EventStreamReader()
        try! reader.read(path: folder.appendingPathComponent("events.jsonl").path) { records, symbols in
            names.update(symbols)
            for record in records {
                let leaf = names.leaf(of: record)
                store.add(timestamp: record.timestamp, type: record.type, leaf: leaf, user: record.user,
                          count: record.count, amount: record.amount)
                users.add(record, channel: { leaf.channel >= 0 ? names.name(.channel, leaf.channel) : nil },
                          segment: { leaf.segment >= 0 ? names.name(.segment, leaf.segment) : ResultsReport.noSegment })
            }
        }
        precondition(reader.stats.eventsAccepted == 14 && reader.stats.rejected == 0, "the report fixture stream changed")
        return (store, users, names)
    }
}
