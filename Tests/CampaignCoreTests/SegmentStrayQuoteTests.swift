@testable import CampaignCore
import Testing

/// One stray quote in a transactions CSV used to swallow the rest of the file
/// as one "unterminated" field: one rejected row, every row after it gone,
/// exit 0. The rule now (README, `CSVRecordScanner`): a quoted field may span
/// lines only when the row it makes is valid; otherwise the line where the
/// quote opened is rejected and reading resumes on the next line. Every line
/// of the file is accounted for in `history.lines`.
@Suite struct SegmentStrayQuoteTests {
    /// `count` good rows of customers `from..<from + count`, one per line.
    private func rows(_ from: Int, _ count: Int, day: String) -> String {
        (from..<from + count).map { "C\($0),\(day),1.00\n" }.joined()
    }

    @Test(arguments: [nil, 1, 7, 64])
    func aStrayQuoteRejectsItsLineAndTheRowsAfterItAreCounted(chunk: Int?) throws {
        // Header on line 1, rows on lines 2...1001, the stray quote on line 1002.
        let csv = "customer_id,date,amount\n" + rows(0, 1_000, day: "2025-10-01")
            + "\"C999999,2025-10-01,5.00\n" + rows(1_000, 300, day: "2025-10-02")
        let history = try readTransactions(csv, chunk: chunk)
        #expect(history.rejected == [RejectedRow(line: 1_002, reason: .unterminatedQuote)])
        #expect(history.purchaseCount == 1_300)
        #expect(history.latestDay == Day(year: 2025, month: 10, day: 2))
        // 1 header + 1,300 counted + 1 rejected = 1,302 lines.
        #expect(history.lines.total == 1_302)
        #expect(history.lines.header == 1)
        #expect(history.rowsRead == 1_301)
    }

    @Test(arguments: [nil, 1, 5])
    func aQuoteClosedLinesLaterDoesNotMergeTheRowsBetween(chunk: Int?) throws {
        // Lines 2-3 good, line 4 opens a quote that line 7's stray quote would
        // close: the merged "row" has line breaks in its customer id, which no
        // customer has, so only line 4 is rejected and lines 5-7 are rows.
        let csv = "customer_id,date,amount\n" + "A,2025-10-01,1\n" + "B,2025-10-01,2\n"
            + "\"C,2025-10-01,3\n" + "D,2025-10-02,4\n" + "E,2025-10-02,5\n" + "F\",2025-10-03,6\n"
        let history = try readTransactions(csv, chunk: chunk)
        #expect(history.rejected == [RejectedRow(line: 4, reason: .unterminatedQuote)])
        let ids = Set(CustomerBase(history: history).byID().keys)
        #expect(ids == ["A", "B", "D", "E", "F\""])
        #expect(history.lines.total == 7)
    }

    @Test(arguments: [nil, 1, 3])
    func aQuotedLineBreakThatMakesAValidRowStands(chunk: Int?) throws {
        // RFC 4180: a quoted field may hold a line break; the row is valid, so it
        // is one purchase over two lines, and the line count says so.
        let csv = "customer_id,date,amount,note\n" + "A,2025-10-01,1,\"two\nlines\"\n" + "B,2025-10-01,2,x\n"
        let history = try readTransactions(csv, chunk: chunk)
        #expect(history.rejected.isEmpty)
        #expect(history.purchaseCount == 2)
        #expect(history.lines.continuation == 1)
        #expect(history.lines.total == 4)
    }

    @Test func anOpenQuoteRunsAtMostTheBoundPastALineEnd() throws {
        // Without the bound the scanner would wait for the closing quote to the
        // end of the input (all of it in memory); with it, the record is handed
        // out as unterminated once the quote has run that far, before the end.
        let scanner = CSVRecordScanner(initialCapacity: 64, maximumQuotedSpan: 100)
        let text = "\"open,2025-10-01,1\n" + String(repeating: "X,2025-10-01,1\n", count: 20)
        Array(text.utf8).withUnsafeBytes { scanner.append($0) }
        let record = try #require(scanner.nextRecord(atEnd: false))
        #expect(record.quoteProblem == .unterminated)
        #expect(record.spansLines)
        scanner.resynchronize()
        let next = try #require(scanner.nextRecord(atEnd: false))
        #expect(next.line == 2)
        #expect(next.fieldCount == 3)
        #expect(next.quoteProblem == nil)
    }

    @Test func theBlankLinesAndTheHeaderAreCountedToo() throws {
        let csv = "customer_id,date,amount\n\nA,2025-10-01,1\n\nB,2025-10-01,x\n"
        let history = try readTransactions(csv)
        #expect(history.lines == {
            var lines = TransactionLines()
            lines.header = 1
            lines.blank = 2
            return lines.with(rowsRead: 2)
        }())
        #expect(history.lines.total == 5)
    }
}
