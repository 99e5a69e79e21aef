@testable import CampaignCore
import CampaignText
import Testing

/// Every message of the category, channel and behaviour reading, under
/// Chinese: the bad behaviour lines of `BehaviourReaderTests`, the column
/// errors, the summary and the options' help; a few written out by hand.
@Suite struct BehaviourMessagesInChineseTests {
    static func chinese<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.chinese, operation: body) }
    static func english<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.english, operation: body) }

    @Test func everyRejectedBehaviourLineIsSaidInChineseWithItsLine() {
        let bad = BehaviourReaderTests.lines + [
            "", "[1]", #"{"ts":0,"type":"browse","user":7}"#, #"{"ts":0,"type":"browse","user":"A","count":-1}"#,
            #"{"ts":"2026-03-02","type":"browse","user":"A"}"#, #"{"ts":1.5,"type":"browse","user":"A"}"#,
        ]
        let history = BehaviourReaderTests.read(bad.joined(separator: "\n") + "\n")
        #expect(history.rejected.count == 9) // 3 of the file's own lines (the half-written one is mid-file here) + 6
        for sample in history.rejected {
            let chinese = Self.chinese { sample.formatted }
            let english = Self.english { sample.formatted }
            // The file's name is data: only the reason is checked for words.
            #expect(ChineseDataMessageTests.englishWords(Self.chinese { sample.reason.message }).isEmpty, "\(chinese)")
            #expect(chinese != english)
            #expect(ChineseDataMessageTests.numbers(chinese) == ChineseDataMessageTests.numbers(english), "\(english) → \(chinese)")
        }
        #expect(Self.chinese { history.rejected[1].formatted } == "behaviour.jsonl:8: 缺少 'user'")
    }

    @Test func theSummaryAndTheOptionsHelpAreChinese() {
        let history = BehaviourReaderTests.read(BehaviourReaderTests.file)
        let summary = Self.chinese { history.summaryLine(source: "b.jsonl") }
        #expect(summary == "行为数据 b.jsonl（行数）：浏览 4，加购 2，忽略其他类型 1，拒绝 3")
        for phrase in [Phrase.behavCategoryColumnHelp, .behavChannelColumnHelp, .behavSummary] {
            let text = Self.chinese { phrase.text("'b.jsonl'", 1, 2, 3, 4) }
            #expect(EnglishWords.find(in: text.replacing(/'[^']*'/, with: "''")).isEmpty, "\(text)")
        }
        #expect(Self.chinese { Phrase.behavCategoryColumnHelp.text() } == "品类列的表头名（表头中有此列时读取）。")
    }

    @Test func aMissingOrDoubledColumnIsSaidInChineseWithItsOption() throws {
        let missing = TransactionInputError.missingColumn("catgory", option: "--category-col",
                                                          header: ["customer_id", "date", "amount", "category"])
        #expect(Self.chinese { missing.description } == "表头中没有列 'catgory'")
        #expect(Self.chinese { missing.hint } == "表头中的列：customer_id, date, amount, category；请用 --category-col 指定列")
        let doubled = TransactionInputError.ambiguousColumn("channel", option: "--channel-col")
        #expect(Self.chinese { doubled.hint } == "请重命名其中一列，或用 --channel-col 指定另一列")
        for error in [missing, doubled] {
            #expect(ChineseDataMessageTests.englishWords(Self.chinese { error.description }).isEmpty)
        }
    }
}
