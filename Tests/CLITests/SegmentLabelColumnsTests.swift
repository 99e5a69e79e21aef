import Foundation
import Testing

/// `segment --category-col/--channel-col`: optional columns that change no
/// score (they add top_category and top_channel), a mapped name the header lacks is an error naming its option (in
/// English and in Chinese), and a file with the columns scores as one without.
@Suite struct SegmentLabelColumnsTests {
    static let plain = "customer_id,date,amount\nA,2026-01-01,10\nB,2026-01-02,20\nA,2026-01-03,5\n"
    static let labelled = "customer_id,date,amount,category,channel\nA,2026-01-01,10,服装,web\nB,2026-01-02,20,,app\nA,2026-01-03,5,\"a\tb\",\n"

    @Test func theColumnsChangeNoScoreAndGiveTheTopValues() throws {
        let folder = ScratchFolder()
        try SegmentCommandTests.write(Self.plain, in: folder, as: "plain.csv")
        try SegmentCommandTests.write(Self.labelled, in: folder, as: "labelled.csv")
        let plain = try CLIRunner.run(["segment", "plain.csv", "--format", "csv", "--as-of", "2026-02-01"], in: folder.path)
        let labelled = try CLIRunner.run(["segment", "labelled.csv", "--format", "csv", "--as-of", "2026-02-01"], in: folder.path)
        #expect(plain.status == 0 && labelled.status == 0)
        // The same rows and scores, plus the two columns, worked by hand: A has 服装 (10) and
        // "a<tab>b" (5), one row each → the larger amount; channel web (the other row is empty).
        // B's category is empty; C's channel is empty.
        // The demo plan's tags and tier stay the last two columns, empty here: nobody's aov reaches
        // 1.5 × 180 or is under 100 with 3 orders, nobody grew, nobody spent 500 in the year.
        let plainLines = plain.stdout.split(separator: "\n").map(String.init)
        #expect(plainLines.first?.hasSuffix(",tags,tier") == true && plainLines.dropFirst().allSatisfy { $0.hasSuffix(",,") })
        let expected = zip(plainLines, [",top_category,top_channel", ",服装,web", ",,app", ",x,"]).map { line, added in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.dropLast(2).joined(separator: ",") + added + "," + fields.suffix(2).joined(separator: ",")
        }
        #expect(labelled.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(labelled.stderr == plain.stderr)
        let mapped = try CLIRunner.run(["segment", "labelled.csv", "--category-col", "category", "--channel-col", "channel",
                                        "--format", "csv", "--as-of", "2026-02-01"], in: folder.path)
        #expect(mapped.status == 0 && mapped.stdout == labelled.stdout)
    }

    @Test func aMappedColumnTheHeaderLacksNamesItsOption() throws {
        let folder = ScratchFolder()
        try SegmentCommandTests.write(Self.labelled, in: folder)
        let run = try CLIRunner.run(["segment", "t.csv", "--category-col", "catgory"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines == ["campaign-deck: no column 'catgory' in the header (t.csv)",
                                    "hint: the header has: customer_id, date, amount, category, channel; choose the column with --category-col"])
        #expect(run.stdout.isEmpty)
        let chinese = try CLIRunner.run(["segment", "t.csv", "--channel-col", "渠道", "--lang", "zh"], in: folder.path)
        #expect(chinese.status == 2)
        #expect(chinese.stderrLines == ["campaign-deck: 表头中没有列 '渠道'（t.csv）",
                                        "提示：表头中的列：customer_id, date, amount, category, channel；请用 --channel-col 指定列"])
    }

    @Test func aDoubledColumnIsAnErrorEvenUnmapped() throws {
        let folder = ScratchFolder()
        try SegmentCommandTests.write("customer_id,date,amount,channel,channel\nA,2026-01-01,1,web,app\n", in: folder)
        let run = try CLIRunner.run(["segment", "t.csv"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines == ["campaign-deck: the header has more than one column 'channel' (t.csv)",
                                    "hint: rename one of them, or choose another column with --channel-col"])
    }
}
