@testable import CampaignCore
import Foundation
import Testing

/// Fixtures/transactions/bad-rows.csv mixes good rows with every kind of bad
/// one; bad-rows.expected lists, worked out by hand, each bad row's line and
/// reason. Every bad row must be reported, and every good row counted.
@Suite struct SegmentBadRowsCorpusTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/transactions")

    @Test(arguments: [nil, 1, 7, 64])
    func everyBadRowIsReportedWithItsLineAndEveryGoodRowCounted(chunk: Int?) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("bad-rows.csv"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("bad-rows.expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let history = try readTransactions(text, chunk: chunk)
        #expect(history.rejected.map { "\($0.line): \($0.reason)" } == expected)
        // Good rows: G1 G2 G3 G4 G5 G6 G7 G8 (lines 2 3 7 18 19 22 25 27); the duplicates of lines 2 and 3 count once.
        #expect(history.purchaseCount == 8)
        #expect(history.customerCount == 8)
        #expect(history.rejectedCount == 15)
        #expect(history.duplicateCount == 2)
        // The header and the blank line 21 are not data rows; the unterminated
        // quote on line 26 is rejected alone and line 27 read as a row of its own.
        #expect(history.rowsRead == 25)
        #expect(history.lines.total == 27)
        let base = CustomerBase(history: history)
        let ids = Set((0..<base.count).map { base.customerID($0) })
        #expect(ids == ["G1", "G2", "G3", "G4", "G5 \"quoted\"", "G6", "G7", "G8"])
        #expect(base.byID()["G6"]?.monetary == .zero, "a zero amount is a purchase")
        #expect(base.asOf == Day(year: 2026, month: 1, day: 13), "G8 on 01-12 is the latest good purchase")
    }
}
