@testable import CampaignCore
import Testing

@Suite struct SegmentCSVReaderTests {
    @Test(arguments: [nil, 1, 2, 5])
    func quotesCommasDoubledQuotesAndNewlinesInsideQuotes(chunk: Int?) throws {
        // The line break sits in a note column: a line break in a customer id is
        // taken as a runaway quote (SegmentStrayQuoteTests), as no customer has one.
        let csv = "customer_id,date,amount,note\n"
            + "\"Smith, J\",2026-01-01,\"1\",a\n"
            + "\"say \"\"hi\"\"\",2026-01-02,2,b\n"
            + "C,2026-01-03,3,\"two\nlines\"\n"
            + "X,2026-01-04,oops,c\n"
        let history = try readTransactions(csv, chunk: chunk)
        let base = CustomerBase(history: history)
        #expect((0..<base.count).map { base.customerID($0) } == ["Smith, J", "say \"hi\"", "C"])
        // The quoted line break moves every later line number down by one.
        #expect(history.rejected == [RejectedRow(line: 6, reason: .unparseableAmount("oops"))])
    }

    @Test(arguments: [nil, 1, 3])
    func crlfByteOrderMarkAndNoFinalLineEnd(chunk: Int?) throws {
        let csv = "\u{FEFF}customer_id,date,amount\r\nA,2026-01-01,1\r\nB,2026-01-02,2\r\nC,2026-01-03,x"
        let history = try readTransactions(csv, chunk: chunk)
        #expect(history.customerCount == 2)
        #expect(history.rejected == [RejectedRow(line: 4, reason: .unparseableAmount("x"))])
    }

    @Test func mappedColumnsInAnyOrderWithExtraColumns() throws {
        let csv = "order,paid_at,member,total,channel\n1,2026-03-01,m1,9.99,web\n2,2026-03-02,m2,1,shop\n"
        let columns = TransactionColumns(customer: "member", date: "paid_at", amount: "total")
        let base = CustomerBase(history: try readTransactions(csv, columns: columns))
        #expect(base.byID()["m1"]?.monetary == Money(micros: 9_990_000))
        #expect(base.asOf == Day(year: 2026, month: 3, day: 3))
    }

    @Test func rowsThatDifferOnlyInAnotherColumnAreNotDuplicates() throws {
        let csv = "order,customer_id,date,amount\n1,A,2026-03-01,5\n2,A,2026-03-01,5\n1,A,2026-03-01,5\n"
        let history = try readTransactions(csv)
        #expect(history.purchaseCount == 2)
        #expect(history.rejected == [RejectedRow(line: 4, reason: .duplicate(ofLine: 2))])
    }

    @Test func aMissingOrRepeatedColumnStopsReadingWithAHint() {
        #expect(throws: TransactionInputError.missingColumn("customer_id", option: "--customer-col", header: ["id", "date", "amount"])) {
            try readTransactions("id,date,amount\nA,2026-01-01,1\n")
        }
        #expect(throws: TransactionInputError.ambiguousColumn("date", option: "--date-col")) {
            try readTransactions("customer_id,date,amount,date\n")
        }
        #expect(throws: TransactionInputError.noHeader) { try readTransactions("") }
        #expect(TransactionInputError.missingColumn("customer_id", option: "--customer-col", header: ["id", "date"]).hint
            == "the header has: id, date; choose the column with --customer-col")
    }

    @Test func dateFormats() {
        func day(_ text: String) -> Day? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { PurchaseDate.parse($0) }
        }
        let march14 = Day(year: 2026, month: 3, day: 14)
        #expect(day("2026-03-14") == march14)
        #expect(day(" 20260314 ") == march14)
        #expect(day("2026-03-14T23:30:00+08:00") == march14, "the date in its own offset, not UTC's")
        #expect(day("2026-03-14t00:00:00.123z") == march14)
        #expect(day("2026-03-14 08:00:00-11:00") == march14)
        for bad in ["2026-3-14", "2026-02-29", "20261314", "2026-03-14T24:00:00Z", "2026-03-14T10:00Z", "2026-03-14T10:00:00",
                    "2026-03-14T10:00:00+0800", "14.03.2026", ""] {
            #expect(day(bad) == nil, "\(bad)")
        }
    }

    /// Every date the month-start table covers, its edges and the invalid days
    /// of each month, against the calendar arithmetic in `Day`.
    @Test func datesByTableAgreeWithTheCalendar() {
        var disagreements: [String] = []
        for year in [1, 1899, 1900, 1901, 2000, 2024, 2026, 2100, 2199, 2200, 9999] + Array(1950...2060) {
            for month in 0...13 {
                for dayOfMonth in 0...32 {
                    let text = String(year).leftPadded(4) + "-" + String(month).leftPadded(2) + "-" + String(dayOfMonth).leftPadded(2)
                    let parsed = Array(text.utf8).withUnsafeBytes { PurchaseDate.parse($0) }
                    if parsed != Day(year: year, month: month, day: dayOfMonth) { disagreements.append(text) }
                }
            }
        }
        #expect(disagreements == [])
    }

    @Test func amountsAreExact() {
        func amount(_ text: String) -> String {
            let bytes = Array(text.utf8)
            switch bytes.withUnsafeBytes({ PurchaseAmount.parse($0) }) {
            case .amount(let money): return String(money.nanos)
            case .negative: return "negative"
            case .unparseable: return "unparseable"
            case .outOfRange: return "out of range"
            }
        }
        // In billionths.
        #expect(amount("0.1") == "100000000")
        #expect(amount("+12.345678") == "12345678000")
        #expect(amount(".5") == "500000000")
        #expect(amount("7.") == "7000000000")
        #expect(amount("1.2300000") == "1230000000")
        #expect(amount("-0") == "0")
        #expect(amount("-3.5") == "negative")
        // Below a billionth: rounded half to even, once.
        #expect(amount("1.0000001") == "1000000100")
        #expect(amount("0.0000000005") == "0")
        #expect(amount("0.0000000015") == "2")
        #expect(amount("12.300000000000001") == "12300000000")
        #expect(amount("-0.0000000001") == "0")
        // The range: up to 1e15, one billionth more is out.
        #expect(amount("1000000000000000") == "1000000000000000000000000")
        #expect(amount("1000000000000000.000000001") == "out of range")
        #expect(amount("9999999999999999") == "out of range")
        #expect(amount("-9999999999999999") == "negative")
        for bad in ["1e3", "1,000", "$5", ".", "", "1 2", "1.2.3", "+", "-."] {
            #expect(amount(bad) == "unparseable", "\(bad)")
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
