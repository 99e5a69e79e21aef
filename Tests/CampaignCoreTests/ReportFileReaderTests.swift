import Foundation
@testable import CampaignCore
import CampaignText
import Testing

/// Reading report files. The GB18030 fixture was written by Python
/// (`'…'.encode('gb18030')`, CRLF line ends); its figures below are worked by
/// hand from its rows (hour starts in Asia/Shanghai, from Python's zoneinfo).
@Suite struct ReportFileReaderTests {
    static let fixture = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/report-files/douyin-gb18030.csv")
    static let source = ReportSource(id: "douyin-hourly", encoding: .gb18030, columns: [
        (.ts, .header("时间")), (.channel, .header("渠道")), (.impressions, .header("展示数")), (.clicks, .header("点击数")),
        (.spend, .header("消耗")), (.conversions, .header("转化数")), (.revenue, .header("成交金额")),
    ])
    static let zone = "Asia/Shanghai"
    /// 2026-03-02 10:00, 11:00 and 14:00 at +08:00.
    static let (h10, h11, h14): (Int64, Int64, Int64) = (1_772_416_800_000, 1_772_420_400_000, 1_772_431_200_000)

    static func read(_ text: String, source: ReportSource = utf8Source, name: String = "r.csv") throws -> ReportFile {
        try ReportFileReader.read(bytes: Array(text.utf8), name: name, source: source, timeZone: zone)
    }

    static let utf8Source = ReportSource(id: "u", columns: [
        (.ts, .header("时间")), (.channel, .constant("douyin")), (.impressions, .header("展示数")), (.spend, .header("消耗")),
    ])

    @Test func theGB18030FixtureGivesItsHoursFiguresWorkedByHand() throws {
        let file = try ReportFileReader.read(path: Self.fixture.path, source: Self.source, timeZone: Self.zone)
        #expect(file.rows == 7)
        #expect(file.rejected == 3)
        // Hour 11 has two rows (11:00 and 11:30): the later one replaces the earlier.
        #expect(file.keys == [ReportFile.Key(hour: Self.h10, channel: "抖音"), ReportFile.Key(hour: Self.h11, channel: "抖音"),
                              ReportFile.Key(hour: Self.h14, channel: "小红书·𠀀")])
        #expect(file.figures[file.keys[0]] == KPICounters(impressions: 1200, clicks: 30, conversions: 2,
                                                           spend: Money(nanos: 45_500_000_000), revenue: Money(nanos: 199_000_000_000)))
        #expect(file.figures[file.keys[1]] == KPICounters(impressions: 1100, clicks: 22, conversions: 1,
                                                           spend: Money(nanos: 31_000_000_000), revenue: Money(nanos: 100_000_000_000)))
        #expect(file.figures[file.keys[2]] == KPICounters(impressions: 900, clicks: 18, conversions: 1,
                                                           spend: Money(nanos: 12_345_000_000), revenue: Money(nanos: 88_800_000_000)))
        let samples = Language.$override.withValue(.english) { file.samples.map(\.formatted) }
        let path = Self.fixture.path
        #expect(samples == ["\(path):4: column '展示数': 'abc' is not a number", "\(path):6: column '点击数': '-3' is negative",
                            "\(path):7: column '时间': '2026-02-30 13:00' is not a real date and time"])
        #expect(file.samples.allSatisfy { $0.reason.kind == .reportRow })
        #expect(file.samples[0].excerpt == "2026-03-02 12:00,抖音,abc,20,30,1,99.9")
    }

    @Test func theFixturesEventsAddUpToItsTotals() throws {
        let file = try ReportFileReader.read(path: Self.fixture.path, source: Self.source, timeZone: Self.zone)
        var symbols = EventSymbols()
        let records = ReportFile.records(file.keys.map { ($0, .zero, file.figures[$0]!) }, symbols: &symbols)
        // Per hour: impression, click, conversion (with revenue), spend.
        #expect(records.count == 12)
        #expect(symbols.channels.names == ["抖音", "小红书·𠀀"])
        var total = KPICounters.zero
        for record in records { total.add(record.type, count: record.count, amount: record.amount) }
        #expect(total == KPICounters(impressions: 3200, clicks: 70, conversions: 4, spend: Money(nanos: 88_845_000_000),
                                     revenue: Money(nanos: 387_800_000_000)))
        #expect(Set(records.map(\.timestamp)) == [Self.h10, Self.h11, Self.h14])
    }

    @Test func aChangedHourBecomesItsDifferenceEvenWhenAFigureFalls() {
        var symbols = EventSymbols()
        let key = ReportFile.Key(hour: Self.h10, channel: "douyin")
        let old = KPICounters(impressions: 1200, clicks: 30, spend: Money(nanos: 45_500_000_000))
        let new = KPICounters(impressions: 500, clicks: 30, spend: Money(nanos: 50_000_000_000))
        let records = ReportFile.records([(key, old, new)], symbols: &symbols)
        #expect(records.map(\.type) == [.impression, .spend])
        #expect(records[0].count == -700)
        #expect(records[1].amount == Money(nanos: 4_500_000_000))
        var total = old
        for record in records { total.add(record.type, count: record.count, amount: record.amount) }
        #expect(total == new)
        #expect(ReportFile.records([(key, old, old)], symbols: &symbols).isEmpty)
    }

    @Test func aUTF8FileWithAByteOrderMarkAndThousandsSeparators() throws {
        let file = try Self.read("\u{FEFF}时间,展示数,消耗\n2026-03-02 10:59:59,\"1,234,567\",\"1,000.5\"\n\n2026-03-02 11:00, 7 ,0\n")
        #expect(file.rows == 2 && file.rejected == 0)
        #expect(file.keys == [ReportFile.Key(hour: Self.h10, channel: "douyin"), ReportFile.Key(hour: Self.h11, channel: "douyin")])
        #expect(file.figures[file.keys[0]] == KPICounters(impressions: 1_234_567, spend: Money(nanos: 1_000_500_000_000)))
        #expect(file.figures[file.keys[1]] == KPICounters(impressions: 7))
    }

    /// Each bad row, its line and reason; the good rows around them are kept.
    @Test func badRowsAreRejectedWithTheirLineAndTheRestKept() throws {
        let rows = [
            "2026-03-02 10:00,12%,1",          // 2: a percentage is not a count
            "2026-03-02 10:00,1.5,1",          // 3
            "2026-03-02 10:00,,1",             // 4
            "2026-03-02,1,1",                  // 5
            "2026/03/02 10:00,1,1",            // 6
            "2026-03-02 24:00,1,1",            // 7
            "2026-03-02 10:00,1",              // 8: a cell short
            "2026-03-02 10:00,\"1\"2,1",       // 9
            "2026-03-02 10:00,1,-0.01",        // 10
            "2026-03-02 10:00,12,345,1",       // 11: a separator without quotes splits the cell: 345 lands in 消耗
            "2026-03-02 10:00,1,1e3",          // 12
            "2026-03-02 10:00,1,2000000000000000",  // 13: over 1e15
            "2026-03-02 10:00,1000000000001,1",  // 14: over 1e12
            "2026-03-02 10:00,\"1,23\",1",     // 15: groups of three only
            "2026-03-02 12:00,5,2.5",          // 16: good
        ]
        let file = try Self.read("时间,展示数,消耗\n" + rows.joined(separator: "\n"))
        let said = Language.$override.withValue(.english) { file.samples.map(\.formatted) }
        #expect(said == [
            "r.csv:2: column '展示数': '12%' is not a number",
            "r.csv:3: column '展示数': '1.5' is not a whole number",
            "r.csv:4: column '展示数' is empty",
            "r.csv:5: column '时间': '2026-03-02' is not a time of the form YYYY-MM-DD HH:mm[:ss]",
            "r.csv:6: column '时间': '2026/03/02 10:00' is not a time of the form YYYY-MM-DD HH:mm[:ss]",
            "r.csv:7: column '时间': '2026-03-02 24:00' is not a real date and time",
            "r.csv:8: the row has 2 cells, the header 3",
            "r.csv:9: the row's quotes are not valid CSV",
            "r.csv:10: column '消耗': '-0.01' is negative",
            "r.csv:12: column '消耗': '1e3' is not a number",
            "r.csv:13: column '消耗': '2000000000000000' is out of range (at most 1e15)",
            "r.csv:14: column '展示数': '1000000000001' is out of range (at most 1e12)",
            "r.csv:15: column '展示数': '1,23' is not a number",
        ])
        // Line 11 reads as 12 impressions and 345 spent (the 1 is a fourth cell, not mapped); line 16 is good.
        #expect(file.rows == 15 && file.rejected == 13)
        #expect(file.figures[ReportFile.Key(hour: Self.h10, channel: "douyin")] == KPICounters(impressions: 12, spend: Money(nanos: 345_000_000_000)))
        #expect(file.figures[ReportFile.Key(hour: Self.h10 + 7_200_000, channel: "douyin")] == KPICounters(impressions: 5, spend: Money(nanos: 2_500_000_000)))
    }

    @Test func aMissingOrDoubledHeaderStopsTheFileNamingTheColumn() {
        #expect(throws: ReportFileError.missingHeader(path: "r.csv", column: "消耗", source: "u", target: .spend, header: ["时间", "展示数", "花费"])) {
            try Self.read("时间,展示数,花费\n2026-03-02 10:00,1,1\n")
        }
        let message = Language.$override.withValue(.english) {
            ReportFileError.missingHeader(path: "r.csv", column: "消耗", source: "u", target: .spend, header: ["时间", "展示数", "花费"]).message
        }
        #expect(message == "r.csv has no column '消耗', which source 'u' maps to 'spend' (header: '时间', '展示数', '花费')")
        #expect(throws: ReportFileError.headerTwice(path: "r.csv", column: "展示数")) { try Self.read("时间,展示数,消耗,展示数\n") }
        #expect(throws: ReportFileError.empty(path: "r.csv")) { try Self.read("\n\n") }
    }

    @Test func bytesNotInTheDeclaredEncodingStopTheFileAtTheirPosition() throws {
        // 0xFF never starts a GB18030 sequence; in UTF-8 a lone 0xD6 (half of GBK's 时) is invalid.
        let gb = try Self.gb18030(of: "时间,展示数,消耗\n2026-03-02 10:00,") + [0xFF] + Array("1,1\n".utf8)
        let gbSource = ReportSource(id: "g", encoding: .gb18030, columns: Self.utf8Source.columns)
        #expect(throws: ReportFileError.notEncoding(path: "g.csv", encoding: .gb18030, offset: 35)) {
            try ReportFileReader.read(bytes: gb, name: "g.csv", source: gbSource, timeZone: Self.zone)
        }
        #expect(throws: ReportFileError.notEncoding(path: "u.csv", encoding: .utf8, offset: 3)) {
            try ReportFileReader.read(bytes: [0x61, 0x62, 0xD6, 0x0A], name: "u.csv", source: Self.utf8Source, timeZone: Self.zone)
        }
        // A four-byte GB18030 sequence (U+20000, as Python encodes it) decodes.
        let text = try ReportTextDecoding.utf8([0x95, 0x32, 0x82, 0x36, 0xA1, 0xA4], encoding: .gb18030, path: "x")
        #expect(String(decoding: text, as: UTF8.self) == "𠀀·")
    }

    /// The fixture's header and first row as GB18030, as Python wrote them (the bytes are read back from the fixture).
    static func gb18030(of text: String) throws -> [UInt8] {
        let all = try [UInt8](Data(contentsOf: fixture))
        // 时间 (4 bytes), 展示数 (6) and 消耗 (4) are cut out of the fixture's header.
        let header = Array(all[0..<all.firstIndex(of: 0x0D)!])  // 时间,渠道,展示数,点击数,消耗,转化数,成交金额
        let fields = header.split(separator: 0x2C).map(Array.init)
        let wanted = fields[0] + [0x2C] + fields[2] + [0x2C] + fields[4] + [0x0A]
        #expect(text.hasPrefix("时间,展示数,消耗\n"))
        return wanted + Array(text.dropFirst("时间,展示数,消耗\n".count).utf8)
    }

    @Test func everyRowProblemAndFileErrorIsSaidInChinese() throws {
        let file = try Self.read("时间,展示数,消耗\n" + [
            "2026-03-02 10:00,12%,1", "2026-03-02 10:00,1.5,1", "2026-03-02 10:00,,1", "2026-03-02,1,1",
            "2026-03-02 24:00,1,1", "2026-03-02 10:00,1", "2026-03-02 10:00,\"1\"2,1", "2026-03-02 10:00,1,-1",
            "2026-03-02 10:00,1,2000000000000000",
        ].joined(separator: "\n"))
        #expect(file.samples.count == 9)
        for sample in file.samples {
            let chinese = Language.$override.withValue(.chinese) { sample.reason.message }
            let english = Language.$override.withValue(.english) { sample.reason.message }
            #expect(chinese != english)
            #expect(ChineseDataMessageTests.englishWords(chinese).isEmpty, "\(chinese)")
            #expect(ChineseDataMessageTests.numbers(chinese) == ChineseDataMessageTests.numbers(english), "\(english) → \(chinese)")
        }
        let said = Language.$override.withValue(.chinese) { file.samples.map(\.formatted) }
        #expect(said[0] == "r.csv:2: 列 '展示数'：'12%' 不是数字")
        #expect(said[5] == "r.csv:7: 该行有 2 个单元格，表头有 3 个")
        let errors: [ReportFileError] = [
            .unreadable(path: "r.csv", reason: Language.$override.withValue(.chinese) { Phrase.dataNoSuchFile.text() }),
            .empty(path: "r.csv"), .notEncoding(path: "r.csv", encoding: .gb18030, offset: 31),
            .missingHeader(path: "r.csv", column: "消耗", source: "u", target: .spend, header: ["时间"]),
            .headerTwice(path: "r.csv", column: "展示数"),
        ]
        for error in errors {
            let chinese = Language.$override.withValue(.chinese) { error.message }
            #expect(ChineseDataMessageTests.englishWords(chinese.replacingOccurrences(of: "r.csv", with: "")).isEmpty, "\(chinese)")
        }
        #expect(Language.$override.withValue(.chinese) { errors[3].message }
                == "r.csv 中没有列 '消耗'，报表来源 'u' 将它映射到 'spend'（表头：'时间'）")
    }
}
