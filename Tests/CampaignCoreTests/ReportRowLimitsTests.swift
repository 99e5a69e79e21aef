import Foundation
@testable import CampaignCore
import CampaignText
import Testing

/// A report's rows are bounded as JSON lines are (`--max-scopes`,
/// `--max-line-bytes`): the row over a bound is rejected with its line, the
/// others are kept, and names already known keep being counted.
@Suite struct ReportRowLimitsTests {
    static let source = ReportSource(id: "r", columns: [
        (.ts, .header("时间")), (.channel, .header("渠道")), (.impressions, .header("展示数")),
    ])

    static func read(_ text: String, _ limits: inout ReportRowLimits) throws -> ReportFile {
        try ReportFileReader.read(bytes: Array(text.utf8), name: "r.csv", source: source, timeZone: "UTC", limits: &limits)
    }

    @Test func aRowNamingOneChannelTooManyIsRejectedAndKnownOnesStillCount() throws {
        // Two channels allowed; 抖音 already stored (known), so one more may come: 快手; 小红书 is one too many.
        var stored = EventSymbols()
        stored.channels = SymbolTable(["抖音"])
        var limits = ReportRowLimits(EventLimits(maxScopes: 2), known: stored)
        let file = try Self.read("""
            时间,渠道,展示数
            2026-03-02 10:00,抖音,100
            2026-03-02 10:00,快手,200
            2026-03-02 11:00,小红书,300
            2026-03-02 11:00,抖音,400
            2026-03-02 12:00,快手,500

            """, &limits)
        #expect(file.rows == 5 && file.rejected == 1)
        #expect(file.samples.map(\.line) == [4], "the 小红书 row, line 4")
        let message = Language.$override.withValue(.english) { file.samples.first?.formatted ?? "" }
        #expect(message.contains("too many distinct channels"), "\(message)")
        #expect(Set(file.keys.map(\.channel)) == ["抖音", "快手"])
        let impressions: Int64 = file.keys.reduce(0) { $0 + file.figures[$1]!.impressions }
        #expect(impressions == 1_200, "100 + 200 + 400 + 500")
        #expect(limits.channels == ["抖音", "快手"], "what the next file starts from")
    }

    @Test func aRowLongerThanTheLineLimitIsRejected() throws {
        var limits = ReportRowLimits(EventLimits(maximumLineLength: 40))
        let long = String(repeating: "抖", count: 20) // 60 bytes of UTF-8
        let file = try Self.read("时间,渠道,展示数\n2026-03-02 10:00,抖音,100\n2026-03-02 10:00,\(long),1\n", &limits)
        #expect(file.rows == 2 && file.rejected == 1)
        #expect(file.samples.map(\.line) == [3])
        let message = Language.$override.withValue(.english) { file.samples.first?.formatted ?? "" }
        #expect(message.contains("79"), "the row's bytes without its line break: 16 + 1 + 60 + 1 + 1 = 79: \(message)")
        #expect(file.keys.map(\.channel) == ["抖音"])
    }
}
