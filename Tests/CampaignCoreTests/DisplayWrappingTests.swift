import CampaignCore
import Testing

/// Chinese running text broken to a width in columns (for `--help` in Chinese).
@Suite struct DisplayWrappingTests {
    @Test func chineseBreaksBetweenCharactersWithinTheWidth() {
        // 12 characters of 2 columns: 24 columns, 10 per line → 5 characters a line.
        let lines = DisplayWrapping.lines("一二三四五六七八九十百千", width: 10, indent: 0)
        #expect(lines == ["一二三四五", "六七八九十", "百千"])
    }

    @Test func continuationLinesAreIndented() {
        #expect(DisplayWrapping.lines("  --db   数据库的路径和名称", width: 20, indent: 9) == ["  --db   数据库的路", "         径和名称"])
    }

    @Test func closingMarksNeverStartALineAndOpeningMarksNeverEndOne() {
        // A break before "，" would fit "一二三四" and start the next line with the comma.
        #expect(DisplayWrapping.lines("一二三四，五六", width: 8, indent: 0) == ["一二三", "四，五六"])
        #expect(DisplayWrapping.lines("一二三（四五）", width: 8, indent: 0) == ["一二三", "（四五）"])
    }

    @Test func aLatinKeyStaysWithTheChineseAfterIt() {
        // "o负" may not break: the line breaks at the space before the key instead.
        #expect(DisplayWrapping.lines("一二三 o负责人", width: 9, indent: 0) == ["一二三", "o负责人"])
    }

    @Test func codeInBackticksAndLatinWordsStayWhole() {
        #expect(DisplayWrapping.lines("运行 `campaign-deck plan validate` 检查", width: 12, indent: 0)
                == ["运行", "`campaign-deck plan validate`", "检查"])
        #expect(DisplayWrapping.lines("hello world again", width: 11, indent: 0) == ["hello world", "again"])
    }

    @Test func aLineThatFitsOrAnUnbreakableRunIsKept() {
        #expect(DisplayWrapping.lines("短句", width: 80, indent: 4) == ["短句"])
        #expect(DisplayWrapping.lines("/a/very/long/path/with/no/break", width: 10, indent: 0) == ["/a/very/long/path/with/no/break"])
        #expect(DisplayWrapping.lines("", width: 0, indent: 0) == [""])
    }
}
