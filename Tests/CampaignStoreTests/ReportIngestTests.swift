import CampaignCore
@testable import CampaignStore
import Foundation
import GRDB
import StoreTestEngines
import Testing

/// `ingest --source`: a report file's hours replace what the same source
/// said for them before, in the metric history and in `report_contribution`.
/// The campaign zone is UTC (StoreFixtures), so 2026-03-02 10:00 is start + 600 minutes.
@Suite struct ReportIngestTests {
    let folder = TemporaryFolder()
    static let source = ReportSource(id: "douyin-hourly", columns: [
        (.ts, .header("时间")), (.channel, .header("渠道")), (.impressions, .header("展示数")), (.clicks, .header("点击数")),
        (.spend, .header("消耗")), (.conversions, .header("转化数")), (.revenue, .header("成交金额")),
    ])
    static let header = "时间,渠道,展示数,点击数,消耗,转化数,成交金额\n"

    /// Every stored leaf's counters added up, per channel name.
    static func totals(_ database: any StoreEngine) throws -> [String: KPICounters] {
        try database.readSQL { session in
            let names = try Dictionary(uniqueKeysWithValues: session.fetchAll("SELECT id, channel FROM leaf", []).map {
                ($0.int64("id")!, $0.string("channel")!)
            })
            var totals: [String: KPICounters] = [:]
            for row in try session.fetchAll("SELECT minute, leaves FROM metric_minute", []) {
                for leaf in MinuteRecord.decode(row.bytes("leaves")!, minute: row.int64("minute")!)! {
                    totals[names[leaf.leafID]!, default: .zero] += leaf.counters
                }
            }
            return totals
        }
    }

    /// The stored minutes as they are, bytes and all.
    static func minutes(_ database: any StoreEngine) throws -> [String] {
        try database.readSQL { session in
            try session.fetchAll("SELECT minute, leaves FROM metric_minute ORDER BY minute", [])
                .map { "\($0.int64("minute")!) \($0.bytes("leaves")!)" }
        }
    }

    static func yuan(_ text: String) -> Money { Money(nanos: Int128(Double(text)! * 1_000_000) * 1000) }

    func ingest(_ text: String, into database: any StoreEngine, name: String = "r.csv",
                options: IngestOptions = IngestOptions()) throws -> ReportIngestReport {
        let path = folder.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let ingest = try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: []), options: options)
        return try ingest.ingestReport(path: path, source: Self.source)
    }

    @Test(arguments: TestEngine.all) func anUpdatedReportReplacesItsHoursAndTheSameReportChangesNothing(engine: TestEngine) throws {
        let database = try engine.store(folder)
        let first = try ingest(Self.header + """
            2026-03-02 10:00,抖音,1000,20,30.5,1,99.9
            2026-03-02 11:00,抖音,2000,40,60,2,200
            2026-03-02 10:00,小红书,500,5,10,0,0

            """, into: database)
        #expect(first == ReportIngestReport(path: folder.file("r.csv"), rows: 3, changed: 3, unchanged: 0, rejected: 0, events: 11))
        #expect(try Self.totals(database) == [
            "抖音": KPICounters(impressions: 3000, clicks: 60, conversions: 3, spend: Self.yuan("90.5"), revenue: Self.yuan("299.9")),
            "小红书": KPICounters(impressions: 500, clicks: 5, spend: Self.yuan("10")),
        ])
        // The platform corrects hour 10 on douyin (fewer impressions, more spend), adds hour 12, and drops the
        // 小红书 row (a file that does not name an hour leaves what earlier files said for it).
        let text = Self.header + """
            2026-03-02 10:00,抖音,800,20,35,1,99.9
            2026-03-02 11:00,抖音,2000,40,60,2,200
            2026-03-02 12:00,抖音,100,1,1,0,0

            """
        let second = try ingest(text, into: database)
        #expect(second.changed == 2 && second.unchanged == 1)
        // Hour 10: impressions −200, spend +4.5 (2 records); hour 12: impression, click, spend (3; no conversion or revenue).
        #expect(second.events == 5)
        let expected: [String: KPICounters] = [
            "抖音": KPICounters(impressions: 2900, clicks: 61, conversions: 3, spend: Self.yuan("96"), revenue: Self.yuan("299.9")),
            "小红书": KPICounters(impressions: 500, clicks: 5, spend: Self.yuan("10")),
        ]
        #expect(try Self.totals(database) == expected)
        let minutes = try Self.minutes(database)

        let third = try ingest(text, into: database)
        #expect(third.changed == 0 && third.unchanged == 3 && third.events == 0)
        #expect(try Self.totals(database) == expected)
        #expect(try Self.minutes(database) == minutes)

        // What the table keeps is the latest file's figures per hour and channel.
        let stored = try ReportContributions.load(source: "douyin-hourly", keys: [
            ReportFile.Key(hour: StoreFixtures.at(600)), ReportFile.Key(hour: StoreFixtures.at(720)),
        ], database)
        #expect(stored.count == 4)
        #expect(stored[ReportFile.Key(hour: StoreFixtures.at(600), channel: "抖音")]
                == KPICounters(impressions: 800, clicks: 20, conversions: 1, spend: Self.yuan("35"), revenue: Self.yuan("99.9")))
        #expect(stored[ReportFile.Key(hour: StoreFixtures.at(720), channel: "抖音")] == KPICounters(impressions: 100, clicks: 1, spend: Self.yuan("1")))
    }

    @Test(arguments: TestEngine.all) func anotherSourceForTheSameHourAddsItsOwnFigures(engine: TestEngine) throws {
        let database = try engine.store(folder)
        _ = try ingest(Self.header + "2026-03-02 10:00,抖音,1000,20,30,1,99\n", into: database)
        let other = ReportSource(id: "other", columns: Self.source.columns)
        let path = folder.file("o.csv")
        try Data((Self.header + "2026-03-02 10:00,抖音,1,0,0,0,0\n").utf8).write(to: URL(fileURLWithPath: path))
        _ = try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: [])).ingestReport(path: path, source: other)
        #expect(try Self.totals(database)["抖音"]?.impressions == 1001)
    }

    @Test(arguments: TestEngine.all) func aStaleBaseIsRefusedRatherThanAddedTwice(engine: TestEngine) throws {
        let database = try engine.store(folder)
        _ = try ingest(Self.header + "2026-03-02 10:00,抖音,1000,20,30,1,99\n", into: database)
        let key = ReportFile.Key(hour: StoreFixtures.at(600), channel: "抖音")
        // Another ingest worked its difference out from "nothing stored" and commits after the first.
        let stale = ReportContributions.Update(source: "douyin-hourly", figures: [(key, nil, KPICounters(impressions: 5))], path: "r.csv")
        #expect(throws: StoreError.concurrentIngest(path: "r.csv")) {
            try database.writeSQL { try ReportContributions.save(stale, $0) }
        }
    }

    @Test func theMigrationIsTheSchemasAndRejectedRowsAreStoredWithTheirLines() throws {
        #expect(DeckSchema.identifiers.contains("v10-report-contributions"))
        let database = try DeckDatabase(path: folder.file("d.deck.sqlite"))
        #expect(try database.read { try DeckSchema.appliedIdentifiers($0).count } == DeckSchema.currentVersion)
        let report = try ingest(Self.header + "2026-03-02 10:00,抖音,x,20,30,1,99\n2026-03-02 11:00,抖音,1,1,1,1,1\n", into: database)
        #expect(report.rejected == 1 && report.changed == 1)
        let samples = try database.read { try Row.fetchAll($0, sql: "SELECT line, reason FROM rejected_line") }
        #expect(samples.map { "\($0[0] as Int):\($0[1] as String)" } == ["2:column '展示数': 'x' is not a number"])
    }

    /// `--max-scopes` counts the channels the store already holds, as for JSON lines: with two allowed and
    /// 抖音 stored by an earlier report, 快手 may come and 小红书 is rejected (its line kept in the samples).
    @Test(arguments: TestEngine.all) func theScopeLimitCountsStoredNames(engine: TestEngine) throws {
        let database = try engine.store(folder)
        var options = IngestOptions()
        options.limits = EventLimits(maxScopes: 2)
        _ = try ingest(Self.header + "2026-03-02 10:00,抖音,1000,20,30,1,99.9\n", into: database, name: "a.csv", options: options)
        let second = try ingest(Self.header + """
            2026-03-02 11:00,快手,500,5,10,0,0
            2026-03-02 11:00,小红书,700,7,10,0,0
            2026-03-02 12:00,抖音,100,1,1,0,0

            """, into: database, name: "b.csv", options: options)
        #expect(second.rows == 3 && second.rejected == 1 && second.changed == 2)
        #expect(Set(try Self.totals(database).keys) == ["抖音", "快手"])
    }
}
