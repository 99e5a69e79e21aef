@testable import CampaignCore
import Testing

/// A file read in two halves on two threads (`TransactionFile`) must give
/// exactly what reading it in one piece gives: the same customers in the same
/// order, the same features, the same rejected rows and duplicates with the
/// same lines, whatever falls on which side of the cut.
@Suite struct SegmentParallelReadTests {
    @Test func manyCustomersBadRowsAndBlankLinesGiveTheSerialResult() throws {
        var random = SplitMix64(seed: 42)
        var csv = "customer_id,date,amount,channel\n"
        for row in 0..<12_000 {
            let customer = "C\(random.integer(in: 0...2_999))"
            let day = "2025-\(String(format2: random.integer(in: 1...12)))-\(String(format2: random.integer(in: 1...28)))"
            let amount = "\(random.integer(in: 0...500)).\(String(format2: random.integer(in: 0...99)))"
            switch row % 997 {
            case 13: csv += "\(customer),not-a-date,\(amount),web\n"
            case 14: csv += "\n"
            case 15: csv += ",\(day),\(amount),web\n"
            case 16: csv += "\(customer),\(day),-\(amount),shop\n"
            default: csv += "\(customer),\(day),\(amount),\(row % 3 == 0 ? "web" : "shop")\n"
            }
        }
        let (parallel, path) = try readInTwoHalves(csv)
        #expect(path == .twoHalves)
        try expectSame(parallel, try readTransactions(csv))
        #expect(parallel.rejectedCount == 3 * 13) // rows 13, 15 and 16 of each 997 (the blank line is no row)
    }

    @Test func exactDuplicatesInDifferentHalvesCountOnceWithTheFirstLine() throws {
        // The same rows at the start and at the end, so the cut separates them.
        let repeated = (0..<40).map { "D\($0),2026-01-0\($0 % 9 + 1),\($0).50\n" }.joined()
        // Over 4,096 rows, so customers are also cleaned in two ranges (the
        // duplicates, all in the first, leave a gap the second must close).
        let filler = (0..<4_100).map { "F\($0 % 700),2026-02-\(String(format2: $0 % 28 + 1)),\($0 % 97)\n" }.joined()
        let csv = "customer_id,date,amount\n" + repeated + filler + repeated + "D0,2026-01-01,0.5\n"
        let (parallel, path) = try readInTwoHalves(csv)
        #expect(path == .twoHalves)
        let serial = try readTransactions(csv)
        try expectSame(parallel, serial)
        let secondCopy = 2 + 40 + 4_100
        #expect(parallel.duplicateCount == 40)
        #expect(parallel.rejected.first == RejectedRow(line: secondCopy, reason: .duplicate(ofLine: 2)))
        // `0.5` is the same amount as `0.50` but not the same bytes: a purchase of its own.
        #expect(parallel.purchaseCount == 40 + 4_100 + 1)
    }

    @Test func quotedFieldsOnBothSidesOfTheCut() throws {
        let rows = (0..<3_000).map { i in
            i % 50 == 0 ? "\"say \"\"hi\"\" \(i % 7)\",2026-03-01,\(i)\n" : "\"Smith, \(i % 400)\",2026-03-\(String(format2: i % 28 + 1)),1\n"
        }
        let csv = "customer_id,date,amount\n" + rows.joined()
        let (parallel, path) = try readInTwoHalves(csv)
        #expect(path == .twoHalves)
        try expectSame(parallel, try readTransactions(csv))
    }

    @Test func aCutInsideAQuotedLineBreakFallsBackToTheSerialRead() throws {
        let half = (0..<2_000).map { "Q\($0 % 300),2026-01-\(String(format2: $0 % 28 + 1)),2\n" }.joined()
        // A quoted id full of line breaks right in the middle of the file.
        let middle = "\"many\(String(repeating: "\n", count: 5_000))lines\",2026-01-05,3\n"
        let csv = "customer_id,date,amount\n" + half + middle + half + "Q1,2026-01-02,oops\n"
        let (parallel, path) = try readInTwoHalves(csv)
        #expect(path == .cutInsideQuotes)
        let serial = try readTransactions(csv)
        try expectSame(parallel, serial)
        #expect(parallel.rejected.last == RejectedRow(line: 2 + 4_000 + 5_001, reason: .unparseableAmount("oops")))
    }

    @Test(arguments: [0.25, 0.75])
    func aStrayQuoteInEitherHalfGivesTheSerialResultAndLosesNoRows(at share: Double) throws {
        let rows = (0..<6_000).map { "S\($0 % 500),2026-01-\(String(format2: $0 % 28 + 1)),\($0 % 9)\n" }
        let stray = Int(Double(rows.count) * share)
        let csv = "customer_id,date,amount\n" + rows[..<stray].joined() + "\"S9,2026-01-01,5\n" + rows[stray...].joined()
        let (parallel, _) = try readInTwoHalves(csv)
        try expectSame(parallel, try readTransactions(csv))
        #expect(parallel.rejected == [RejectedRow(line: 2 + stray, reason: .unterminatedQuote)])
        #expect(parallel.rowsRead - parallel.rejected.count == 6_000)
        #expect(parallel.lines.total == 6_002)
    }

    @Test func aByteOrderMarkAndCRLFLineEnds() throws {
        let rows = (0..<3_000).map { "B\($0 % 250),2026-01-\(String(format2: $0 % 28 + 1)),\($0 % 13)\r\n" }.joined()
        let csv = "\u{FEFF}customer_id,date,amount\r\n" + rows + "B1,2026-01-01,1"
        let (parallel, path) = try readInTwoHalves(csv)
        #expect(path == .twoHalves)
        try expectSame(parallel, try readTransactions(csv))
    }

    /// Grouping writes each purchase as one 16-byte store of `packed`; that
    /// is only right while the struct's layout is day, row, amount.
    @Test func aPackedPurchaseReadsBackAsItsFields() {
        let packed = GroupedPurchase.packed(day: -5, row: 4_000_000_000, amount: -123_456_789)
        let purchase = withUnsafeBytes(of: packed) { $0.load(as: GroupedPurchase.self) }
        #expect(purchase.day == -5 && purchase.row == 4_000_000_000 && purchase.amount == -123_456_789)
        #expect(MemoryLayout<GroupedPurchase>.size == 16)
    }

    // MARK: - Helpers

    /// Reads `text` as `TransactionFile` reads a file, cut in two however small it is.
    private func readInTwoHalves(_ text: String) throws -> (PurchaseHistory, TransactionFile.Path) {
        let bytes = Array(text.utf8)
        return try TransactionFile.readReportingPath(size: bytes.count, columns: .default, parallelFromBytes: 0) { offset, buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            return count
        }
    }

    private func expectSame(_ a: PurchaseHistory, _ b: PurchaseHistory) throws {
        #expect(a.rowsRead == b.rowsRead)
        #expect(a.lines == b.lines)
        #expect(a.purchaseCount == b.purchaseCount)
        #expect(a.rejected == b.rejected)
        #expect(a.latestDay == b.latestDay)
        let baseA = CustomerBase(history: a), baseB = CustomerBase(history: b)
        #expect(baseA.count == baseB.count)
        #expect((0..<baseA.count).map { baseA.customerID($0) } == (0..<baseB.count).map { baseB.customerID($0) })
        #expect((0..<baseA.count).map { baseA[$0] } == (0..<baseB.count).map { baseB[$0] })
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
