@testable import CampaignCore
import Testing

/// `top_category` and `top_channel`: the value on most purchase rows on or
/// before the as-of day, ties to the larger total amount, then to the smaller
/// name in byte order. Expectations are counted by hand in the comments.
@Suite struct TopCategoryChannelTests {
    static let csv = """
        customer_id,date,amount,category,channel
        A,2026-01-01,10,shoes,web
        A,2026-01-02,20,bags,app
        A,2026-01-03,5,shoes,app
        A,2026-01-04,100,bags,web
        A,2026-01-05,1,,web
        A,2026-02-01,999,hats,store
        B,2026-01-01,7,beta,x
        B,2026-01-02,7,alpha,y
        E,2026-01-01,1,,
        E,2026-01-02,1, ,
        Z,2026-03-01,5,shoes,web

        """

    func top(_ history: PurchaseHistory, _ id: String, _ asOf: String) throws -> (category: String?, channel: String?) {
        let customer = try #require((0..<history.customerCount).first { history.customerIDs[$0] == id })
        let day = try #require(Day(iso: asOf))
        return (history.topCategory(ofCustomer: customer, asOf: day).map { history.categoryNames[Int($0)] },
                history.topChannel(ofCustomer: customer, asOf: day).map { history.channelNames[Int($0)] })
    }

    @Test func mostRowsThenLargerAmountThenSmallerName() throws {
        let history = try readTransactions(Self.csv)
        #expect(history.hasCategoryColumn && history.hasChannelColumn)
        // As of 01-31: shoes 2 rows (10 + 5 = 15), bags 2 rows (20 + 100 = 120),
        // the empty one does not vote, hats comes after: tie on rows, bags has more money.
        // Channels: web 3 rows (10 + 100 + 1), app 2 rows.
        #expect(try top(history, "A", "2026-01-31") == ("bags", "web"))
        // As of 01-03: shoes 2 rows, bags 1 → shoes; web 1 row, app 2 rows → app.
        #expect(try top(history, "A", "2026-01-03") == ("shoes", "app"))
        // The as-of day counts (day <= asOf): 02-01 adds hats (1 row) and store (1 row): no change.
        #expect(try top(history, "A", "2026-02-01") == ("bags", "web"))
        // One row each and 7 each: the smaller name wins.
        #expect(try top(history, "B", "2026-01-31") == ("alpha", "x"))
        // Only empty values (a blank, a space): no top value at all.
        #expect(try top(history, "E", "2026-01-31") == (nil, nil))
        // Nothing bought by the as-of day.
        #expect(try top(history, "Z", "2026-02-28") == (nil, nil))
        #expect(try top(history, "Z", "2026-03-01") == ("shoes", "web"))
        // Names in order of first sight; the empty value is no name.
        #expect(history.categoryNames == ["shoes", "bags", "hats", "beta", "alpha"])
        #expect(history.channelNames == ["web", "app", "store", "x", "y"])
    }

    @Test func byteOrderNotUnicodeOrderBreaksTheLastTie() throws {
        // "é" precomposed (C3 A9) and "e" + combining acute (65 CC 81) are equal
        // Strings to Swift, but different names in bytes: 0x65 < 0xC3.
        let csv = "customer_id,date,amount,category\nC,2026-01-01,3,\u{E9}\nC,2026-01-02,3,e\u{301}\n"
        let history = try readTransactions(csv)
        #expect(history.categoryNames.count == 2)
        #expect(try top(history, "C", "2026-02-01").category.map { Array($0.utf8) } == [0x65, 0xCC, 0x81])
        // Chinese names: rows outvote money. 服装 2 rows of 1, 美妆 1 row of 100.
        let chinese = "customer_id,date,amount,category,channel\nK,2026-01-01,1,服装,小程序\nK,2026-01-02,100,美妆,门店\nK,2026-01-03,1,服装,门店\n"
        #expect(try top(readTransactions(chinese), "K", "2026-02-01") == ("服装", "门店"))
    }

    @Test func mergedCustomersVoteWithEveryRowOfTheirIds() throws {
        // A1 and A2 are one person: bags 1 row (A1) + shoes 2 rows (A2) → shoes;
        // apart, A1's top would be bags.
        let csv = "customer_id,date,amount,category\nA1,2026-01-01,50,bags\nA2,2026-01-02,1,shoes\nA2,2026-01-03,1,shoes\n"
        let history = try readTransactions(csv)
        #expect(try top(history, "A1", "2026-02-01").category == "bags")
        let merged = history.merging { $0 == "A2" ? "A1" : nil }
        #expect(merged.customerCount == 1)
        #expect(try top(merged, "A1", "2026-02-01").category == "shoes")
    }

    @Test func controlCharactersInNamesAreKeptRaw() throws {
        let csv = "customer_id,date,amount,category\nT,2026-01-01,1,a\tb\nT,2026-01-02,1,\"\u{1B}[31mred\"\nT,2026-01-03,1,a\tb\n"
        let history = try readTransactions(csv)
        #expect(history.categoryNames == ["a\tb", "\u{1B}[31mred"])
        #expect(try top(history, "T", "2026-02-01").category == "a\tb")
    }

    @Test func absentColumnsMeanNoTopValueForAnyone() throws {
        let history = try readTransactions("customer_id,date,amount\nA,2026-01-01,1\n")
        #expect(!history.hasCategoryColumn && !history.hasChannelColumn)
        #expect(history.categoryNames.isEmpty && history.channelNames.isEmpty)
        #expect(try top(history, "A", "2026-02-01") == (nil, nil))
        // One column without the other.
        let channelOnly = try readTransactions("customer_id,date,amount,channel\nA,2026-01-01,1,web\n")
        #expect(!channelOnly.hasCategoryColumn && channelOnly.hasChannelColumn)
        #expect(try top(channelOnly, "A", "2026-02-01") == (nil, "web"))
    }

    @Test func mappedColumnsAndAMappedColumnTheHeaderLacks() throws {
        let columns = TransactionColumns(category: "品类", channel: "src")
        let history = try readTransactions("customer_id,date,amount,品类,src\nA,2026-01-01,1,服装,app\n", columns: columns)
        #expect(try top(history, "A", "2026-02-01") == ("服装", "app"))
        // A name the user typed must be in the header: a typo is not "no categories".
        #expect(throws: TransactionInputError.missingColumn("catgory", option: "--category-col",
                                                            header: ["customer_id", "date", "amount", "category"])) {
            try readTransactions("customer_id,date,amount,category\nA,2026-01-01,1,x\n",
                                 columns: TransactionColumns(category: "catgory"))
        }
        #expect(throws: TransactionInputError.ambiguousColumn("channel", option: "--channel-col")) {
            try readTransactions("customer_id,date,amount,channel,channel\nA,2026-01-01,1,x,y\n")
        }
    }

    @Test func rejectedRowsAndDuplicatesDoNotVote() throws {
        // Line 2 has a bad date (its 50 does not count), line 4 repeats line 3
        // exactly (counted once): toys 1 row of 2, books 1 row of 9 → books.
        let csv = "customer_id,date,amount,category\nA,nope,50,toys\nA,2026-01-01,2,toys\nA,2026-01-01,2,toys\nA,2026-01-02,9,books\n"
        let history = try readTransactions(csv)
        #expect(history.rejectedCount == 1 && history.duplicateCount == 1)
        #expect(try top(history, "A", "2026-02-01").category == "books")
        // The bad row's value met no good row: no name is kept for it alone.
        let lonely = try readTransactions("customer_id,date,amount,category\nA,nope,50,ghost\nA,2026-01-01,1,real\n")
        #expect(lonely.categoryNames == ["real"])
    }

    @Test func chunkedAndTwoHalvesReadsAgreeWithANaiveCount() throws {
        var random = SplitMix64(seed: 7)
        let categories = ["服装", "bags", "shoes", "", "a\u{7}b", "zz"]
        let channels = ["web", "app", "", "store"]
        var csv = "customer_id,date,amount,category,channel\n"
        var rows: [(id: String, day: Int, cents: Int, category: String, channel: String)] = []
        for _ in 0..<9_000 {
            let row = (id: "C\(random.integer(in: 0...799))", day: random.integer(in: 1...28), cents: random.integer(in: 0...3) * 100,
                       category: categories[random.integer(in: 0...5)], channel: channels[random.integer(in: 0...3)])
            rows.append(row)
            csv += "\(row.id),2026-01-\(row.day < 10 ? "0" : "")\(row.day),\(row.cents / 100),\(row.category),\(row.channel)\n"
        }
        let asOf = 20
        // The naive count: dictionaries, exact duplicate rows dropped first.
        func naive(_ pick: (Int) -> String) -> [String: String] {
            var seen = Set<String>(), votes: [String: [String: (rows: Int, cents: Int)]] = [:]
            for (index, row) in rows.enumerated() where row.day <= asOf {
                let key = "\(row.id),\(row.day),\(row.cents),\(row.category),\(row.channel)"
                guard seen.insert(key).inserted, !pick(index).isEmpty else { continue }
                votes[row.id, default: [:]][pick(index), default: (0, 0)].rows += 1
                votes[row.id]![pick(index)]!.cents += row.cents
            }
            return votes.mapValues { tally in
                tally.max { a, b in
                    if a.value.rows != b.value.rows { return a.value.rows < b.value.rows }
                    if a.value.cents != b.value.cents { return a.value.cents < b.value.cents }
                    return !a.key.utf8.lexicographicallyPrecedes(b.key.utf8) // the smaller name is the better
                }!.key
            }
        }
        let expectedCategories = naive { rows[$0].category }, expectedChannels = naive { rows[$0].channel }
        let bytes = Array(csv.utf8)
        let (halves, path) = try TransactionFile.readReportingPath(size: bytes.count, columns: .default, parallelFromBytes: 0) { offset, buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            return count
        }
        #expect(path == .twoHalves)
        let day = try #require(Day(iso: "2026-01-\(asOf)"))
        for history in [halves, try readTransactions(csv, chunk: 4_093)] {
            var categoryMisses = 0, channelMisses = 0
            for customer in 0..<history.customerCount {
                let id = history.customerIDs[customer]
                if history.topCategory(ofCustomer: customer, asOf: day).map({ history.categoryNames[Int($0)] }) != expectedCategories[id] {
                    categoryMisses += 1
                }
                if history.topChannel(ofCustomer: customer, asOf: day).map({ history.channelNames[Int($0)] }) != expectedChannels[id] {
                    channelMisses += 1
                }
            }
            #expect(categoryMisses == 0 && channelMisses == 0)
            #expect(Set(history.categoryNames) == Set(categories.filter { !$0.isEmpty }))
        }
        #expect(halves.categoryNames == (try readTransactions(csv)).categoryNames) // first-sight order, whatever the cut
    }
}
