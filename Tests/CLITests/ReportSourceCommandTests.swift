import Foundation
import Testing

/// `ingest --source` end to end, on the GB18030 fixture of CampaignCoreTests
/// (written by Python; its figures worked by hand in ReportFileReaderTests).
@Suite struct ReportSourceCommandTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }
    static let fixture = CLIRunner.sourceRoot.appendingPathComponent("Tests/CampaignCoreTests/Fixtures/report-files/douyin-gb18030.csv").path
    static let plan = """
    campaign: { id: f, name: F, timezone: Asia/Shanghai, start: 2026-03-02, budget: 1000 }
    phases:
      - { id: run, name: Run, weeks: 1-2 }
    tasks:
      - { id: a, name: A, phase: run, days: 10 }
    sources:
      - { id: douyin-hourly, encoding: gb18030,
          columns: { ts: 时间, channel: 渠道, impressions: 展示数, clicks: 点击数, spend: 消耗, conversions: 转化数, revenue: 成交金额 } }

    """

    func setUp() throws {
        try Data(Self.plan.utf8).write(to: URL(fileURLWithPath: folder.path + "/p.yaml"))
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: folder.path + "/r.csv")
    }

    func channelTotals() throws -> [String: [String: Double]] {
        let run = try CLIRunner.run(["kpi", "--db", db, "--by", "channel", "--format", "json"], in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        var found: [String: [String: Double]] = [:]
        for row in rows {
            found[row["key"] as! String] = Dictionary(uniqueKeysWithValues: ["impressions", "clicks", "spend", "conversions", "revenue"]
                .map { ($0, (row[$0] as? NSNumber)?.doubleValue ?? -1) })
        }
        return found
    }

    @Test func aGB18030ReportIsStoredAndReadBackByChannel() throws {
        try setUp()
        let run = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--db", db, "--source", "douyin-hourly", "r.csv"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("r.csv: 7 rows; 3 hour × channel figures changed, 0 unchanged; 3 rejected\nstored in \(db): 1 commit"))
        #expect(run.stderr.contains("r.csv:4: column '展示数': 'abc' is not a number (2026-03-02 12:00,抖音,abc,20,30,1,99.9)"), "\(run.stderr)")
        #expect(try channelTotals() == [
            "抖音": ["impressions": 2300, "clicks": 52, "spend": 76.5, "conversions": 3, "revenue": 299],
            "小红书·𠀀": ["impressions": 900, "clicks": 18, "spend": 12.345, "conversions": 1, "revenue": 88.8],
        ])
        let again = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--db", db, "--source", "douyin-hourly", "r.csv", "--format", "json"],
                                      in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let source = try #require((json["sources"] as? [[String: Any]])?.first)
        #expect(source["changed"] as? Int == 0 && source["unchanged"] as? Int == 3 && source["events"] as? Int == 0)
        #expect(try channelTotals()["抖音"]?["impressions"] == 2300)
    }

    @Test func badUseIsSaidWithItsOption() throws {
        try setUp()
        let unknown = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--db", db, "--source", "douyin-hourl", "r.csv"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("campaign-deck: no report source 'douyin-hourl' in the plan (did you mean 'douyin-hourly'?) (--source)"))
        let noPlan = try CLIRunner.run(["ingest", "--db", db, "--source", "douyin-hourly", "r.csv"], in: folder.path)
        #expect(noPlan.status == 2)
        #expect(noPlan.stderr.hasPrefix("campaign-deck: --source reads its column mapping from the plan's 'sources:': give --plan (--source)"))
        let follow = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--db", db, "--source", "douyin-hourly", "--follow", "r.csv"],
                                       in: folder.path)
        #expect(follow.status != 0 && follow.stderr.contains("--source reads whole report files"))
        try Data("日期,展示数\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/h.csv"))
        let utf8Plan = Self.plan.replacingOccurrences(of: "encoding: gb18030,", with: "")
        try Data(utf8Plan.utf8).write(to: URL(fileURLWithPath: folder.path + "/u.yaml"))
        let header = try CLIRunner.run(["ingest", "--plan", "u.yaml", "--db", db, "--source", "douyin-hourly", "h.csv"], in: folder.path)
        #expect(header.status == 2)
        #expect(header.stderr.hasPrefix("campaign-deck: h.csv has no column '时间', which source 'douyin-hourly' maps to 'ts' (header: '日期', '展示数') (--source douyin-hourly)"),
                "\(header.stderr)")
        // The GB18030 file read as UTF-8: 时 is CA B1, which happens to be UTF-8 too (U+02B1); 间 is BC E4, and a
        // sequence cannot start with BC (a continuation byte): byte 3.
        let encoding = try CLIRunner.run(["ingest", "--plan", "u.yaml", "--db", db, "--source", "douyin-hourly", "r.csv"], in: folder.path)
        #expect(encoding.status == 2)
        #expect(encoding.stderr.hasPrefix("campaign-deck: r.csv is not valid 'utf-8' (at byte 3) (--source douyin-hourly)"), "\(encoding.stderr)")
    }

    @Test func chineseEndToEnd() throws {
        try setUp()
        let run = try CLIRunner.run(["--lang", "zh", "ingest", "--plan", "p.yaml", "--db", db, "--source", "douyin-hourly", "r.csv"],
                                    in: folder.path)
        #expect(run.stdout.hasPrefix("r.csv：7 行；3 组（小时 × 渠道）数据有变化，0 组未变；拒收 3 行\n"), "\(run.stdout)")
        #expect(run.stderr.contains("r.csv:4: 列 '展示数'：'abc' 不是数字"), "\(run.stderr)")
        let unknown = try CLIRunner.run(["--lang", "zh", "ingest", "--plan", "p.yaml", "--db", db, "--source", "x", "r.csv"], in: folder.path)
        #expect(unknown.stderr.hasPrefix("campaign-deck: 计划中没有报表来源 'x'（--source）\n"), "\(unknown.stderr)")
    }

    /// Without a database: a later file's figures for an hour replace an earlier file's (as a later row's do).
    @Test func kpiReadsReportFilesWithoutADatabase() throws {
        try setUp()
        try Data("时间,渠道,展示数,点击数,消耗,转化数,成交金额\n2026-03-02 10:00,抖音,100,1,1,0,0\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/later.csv"))
        let utf8Plan = Self.plan.replacingOccurrences(of: "encoding: gb18030,", with: "")
            .replacingOccurrences(of: "sources:\n", with: "sources:\n  - { id: later, columns: { ts: 时间, channel: 渠道, impressions: 展示数, clicks: 点击数, spend: 消耗, conversions: 转化数, revenue: 成交金额 } }\n")
        try Data(utf8Plan.utf8).write(to: URL(fileURLWithPath: folder.path + "/u.yaml"))
        let run = try CLIRunner.run(["kpi", "--plan", "u.yaml", "--source", "later", "later.csv", "later.csv", "--by", "channel", "--format", "json"],
                                    in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["impressions"] as? Int == 100, "the same file twice is its hours once")
        // The GB18030 fixture through `kpi --source`: the same totals as through the database.
        let fixture = try CLIRunner.run(["kpi", "--plan", "p.yaml", "--source", "douyin-hourly", "r.csv", "--by", "total", "--format", "json"],
                                        in: folder.path)
        let total = try #require(((try JSONSerialization.jsonObject(with: Data(fixture.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])?.first)
        #expect(total["impressions"] as? Int == 3200 && total["clicks"] as? Int == 70 && total["conversions"] as? Int == 4)
        #expect((total["revenue"] as? Double).map { abs($0 - 387.8) < 1e-9 } == true)
        #expect(fixture.stderr.contains("campaign-deck: 3 lines rejected"))
    }
}
