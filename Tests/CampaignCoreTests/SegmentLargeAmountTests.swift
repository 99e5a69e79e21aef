import Testing
@testable import CampaignCore

/// Amounts above Int64 billionths (9.2e9 units) are kept through a code
/// table (`LargeAmounts`): exact sums, and exact duplicates still found,
/// whether the file is read on one thread or in two halves.
@Suite struct SegmentLargeAmountTests {
    // A: two equal rows of 2e10 far apart (a duplicate, across the two halves),
    // one of 2e10 on another day, and 0.000000001; B: 9.9e14 and 1e15, distinct;
    // C: 5 (a small one); Z: 400 rows of 0…399, so the file is cut in two.
    static let csv = "customer_id,date,amount\nA,2026-03-01,20000000000\n"
        + (0..<400).map { "Z,2026-01-01,\($0)\n" }.joined()
        + """
        A,2026-03-01,20000000000
        A,2026-03-02,20000000000
        A,2026-03-02,0.000000001
        B,2026-03-01,990000000000000
        B,2026-03-01,1000000000000000
        C,2026-03-01,5

        """

    func check(_ history: PurchaseHistory) {
        #expect(history.duplicateCount == 1)
        #expect(history.rejected.first?.line == 403)
        let base = CustomerBase(history: history)
        var monetary: [String: Money] = [:]
        for i in 0..<base.count { monetary[base.customerID(i)] = base[i].monetary }
        #expect(monetary["A"] == Money(nanos: 40_000_000_000_000_000_001))  // 2e10 + 2e10 + 1e-9
        #expect(monetary["B"] == Money(nanos: 1_990_000_000_000_000_000_000_000))  // 1.99e15
        #expect(monetary["C"] == Money(nanos: 5_000_000_000))
        #expect(monetary["Z"] == Money(nanos: 79_800 * 1_000_000_000))  // 0 + 1 + … + 399
        #expect(monetary["B"]?.description == "1990000000000000")
    }

    @Test func serialRead() throws {
        check(try readTransactions(Self.csv))
    }

    @Test func twoHalvesShareOneCodeTable() throws {
        let bytes = Array(Self.csv.utf8)
        let (history, path) = try TransactionFile.readReportingPath(size: bytes.count, columns: .default, parallelFromBytes: 0) { offset, buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            return count
        }
        #expect(path == .twoHalves)
        check(history)
    }
}
