@testable import CampaignCore
import CampaignText
import Testing

/// The plan's `sources:` section: what it reads, and every error at its line
/// and column (positions counted by hand from the YAML below), in English and in Chinese.
@Suite struct ReportSourcePlanTests {
    static let head = """
    campaign: { id: f, name: F, timezone: Asia/Shanghai, start: 2026-03-02, budget: 1000 }
    channels:
      - { id: douyin, name: D, kind: paid }
    phases:
      - { id: run, name: Run, weeks: 1-2 }
    tasks:
      - { id: a, name: A, phase: run, days: 10 }

    """

    static func load(_ sources: String) -> PlanLoader.Result { PlanLoader.load(yaml: head + "sources:\n" + sources) }
    /// Line 9 is the first line after `sources:`.
    static let firstLine = 9

    @Test func readsTheIssuesExample() throws {
        let result = Self.load("""
          - { id: douyin-hourly, format: csv, encoding: gb18030, columns: { ts: 时间, channel: =douyin, impressions: 展示数, clicks: 点击数, spend: 消耗, conversions: 转化数, revenue: 成交金额 } }
          - id: plain
            columns: { ts: time, reach: 触达人数, participants: 参与人数, segment: 人群 }
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.sources.map(\.id) == ["douyin-hourly", "plain"])
        let douyin = plan.sources[0]
        #expect(douyin.format == .csv && douyin.encoding == .gb18030)
        #expect(douyin.column(.ts) == .header("时间"))
        #expect(douyin.column(.channel) == .constant("douyin"))
        #expect(douyin.column(.revenue) == .header("成交金额"))
        #expect(douyin.column(.segment) == nil)
        #expect(douyin.location == SourceLocation(line: Self.firstLine, column: 11))
        // The defaults: CSV, UTF-8.
        #expect(plan.sources[1].encoding == .utf8 && plan.sources[1].format == .csv)
        #expect(plan.sources[1].column(.segment) == .header("人群"))
    }

    /// Each bad source and where its message points (line, column) with the English text.
    static let broken: [(yaml: String, line: Int, column: Int, english: String)] = [
        ("  - { id: a, fromat: csv, columns: { ts: t, clicks: c } }", 9, 14,
         "unknown key 'fromat' in report source 'a' (did you mean 'format'?)"),
        ("  - { id: a, format: xlsx, columns: { ts: t, clicks: c } }", 9, 22,
         "'format' in report source 'a' must be one of 'csv', got 'xlsx'"),
        ("  - { id: a, encoding: gbk, columns: { ts: t, clicks: c } }", 9, 24,
         "'encoding' in report source 'a' must be one of 'utf-8', 'gb18030', got 'gbk'"),
        ("  - { id: a, columns: { clicks: c } }", 9, 23,
         "'columns' of report source 'a' needs 'ts'"),
        ("  - { id: a, columns: { ts: t, channel: =douyin } }", 9, 23,
         "'columns' of report source 'a' maps no figure: name at least one of 'impressions', 'clicks', 'conversions', 'reach', 'participants', 'spend', 'revenue'"),
        ("  - { id: a, columns: { ts: t, clicks: =5 } }", 9, 40,
         "'clicks' in 'columns' of report source 'a' must name a header column: a constant ('=…') is only for 'channel', 'segment' and 'campaign'"),
        ("  - { id: a, columns: { ts: t, clicks: \"\" } }", 9, 40,
         "'clicks' in 'columns' of report source 'a' names no column"),
        ("  - { id: a, columns: { ts: t, channel: \"=\", clicks: c } }", 9, 41,
         "'channel' in 'columns' of report source 'a' names no column"),
        ("  - { id: a, columns: { ts: t, clikcs: c } }", 9, 32,
         "unknown key 'clikcs' in 'columns' of report source 'a' (did you mean 'clicks'?)"),
        ("  - { id: a }", 9, 5, "report source 'a' needs 'columns'"),
        ("  - { columns: { ts: t, clicks: c } }", 9, 5, "a report source needs 'id'"),
        ("  - { id: a, columns: { ts: t, clicks: c } }\n  - { id: a, columns: { ts: u, spend: s } }", 10, 11,
         "duplicate report source id 'a' (first at line 9)"),
        ("  - { id: a, columns: [ts, clicks] }", 9, 23,
         "'columns' of report source 'a' must be a mapping of keys to values, got a list"),
    ]

    @Test(arguments: broken.indices) func eachErrorPointsAtItsColumn(_ index: Int) throws {
        let case_ = Self.broken[index]
        let result = Language.$override.withValue(.english) { Self.load(case_.yaml) }
        #expect(result.plan == nil || !result.diagnostics.isEmpty)
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(found == ["\(case_.line):\(case_.column) \(case_.english)"], "\(case_.yaml)")
    }

    @Test(arguments: broken.indices) func eachErrorIsSaidInChinese(_ index: Int) throws {
        let case_ = Self.broken[index]
        let result = Language.$override.withValue(.chinese) { Self.load(case_.yaml) }
        #expect(result.diagnostics.count == 1)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location == SourceLocation(line: case_.line, column: case_.column))
            #expect(ChineseDataMessageTests.englishWords(diagnostic.message).isEmpty, "\(diagnostic.message)")
        }
    }

    @Test func chineseWrittenOutByHand() {
        let constant = Language.$override.withValue(.chinese) { Self.load(Self.broken[5].yaml) }.diagnostics.first?.message
        #expect(constant == "报表来源 'a' 的 'columns' 中的 'clicks' 应为表头列名：常量（'=…'）只能用于 'channel'、'segment' 和 'campaign'")
        let duplicate = Language.$override.withValue(.chinese) { Self.load(Self.broken[11].yaml) }.diagnostics.first?.message
        #expect(duplicate == "报表来源 ID 'a' 重复（首次出现在第 9 行）")
    }

    @Test func planShowListsTheSources() throws {
        let plan = try #require(Self.load("  - { id: d, encoding: gb18030, columns: { ts: 时间, channel: =douyin, spend: 消耗 } }").plan)
        let table = Language.$override.withValue(.english) { PlanSummary.table(plan) }
        #expect(table.contains("REPORT SOURCES\nID  Format  Encoding  Columns\nd   csv     gb18030   ts←时间, channel←=douyin, spend←消耗\n"),
                "\(table)")
        let json = PlanSummary.json(plan).serialized()
        #expect(json.contains(#""sources": [{"id": "d", "format": "csv", "encoding": "gb18030", "columns": {"ts": "时间", "channel": "=douyin", "spend": "消耗"}}]"#), "\(json)")
        // A plan without sources shows neither.
        let bare = try #require(PlanLoader.load(yaml: Self.head).plan)
        #expect(!PlanSummary.table(bare).contains("REPORT") && !PlanSummary.json(bare).serialized().contains("sources"))
    }
}
