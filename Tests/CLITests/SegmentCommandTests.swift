import Foundation
import Testing

@Suite struct SegmentCommandTests {
    static let transactions = """
    customer_id,date,amount
    A,2026-01-01,100
    A,2026-03-01,50
    B,2026-03-01,20
    B,2026-13-01,20
    ,2026-03-01,5

    """

    static func write(_ text: String, in folder: ScratchFolder, as name: String = "t.csv") throws {
        try text.write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test func jsonHasTheSpecShapeAndRejectedRowsGoToStandardErrorToo() throws {
        let folder = ScratchFolder()
        try Self.write(Self.transactions, in: folder)
        let run = try CLIRunner.run(["segment", "t.csv", "--format", "json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == "2026-03-02")
        let customers = try #require(json["customers"] as? [[String: Any]])
        #expect(customers.map { $0["customer_id"] as? String } == ["A", "B"])
        let a = customers[0]
        for key in ["customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment",
                    "aov", "orders_30d", "orders_90d", "orders_180d", "orders_365d", "first_purchase_days", "repurchase_rate"] {
            #expect(a[key] != nil, "\(key)")
        }
        #expect(a["recency_days"] as? Int == 1)
        #expect(a["frequency"] as? Int == 2)
        #expect(a["monetary"] as? Double == 150)
        #expect(a["segment"] as? String == "rising", "first purchase 60 days before, 2 purchases")
        let rejected = try #require(json["rejected"] as? [[String: Any]])
        #expect(rejected.map { $0["line"] as? Int } == [5, 6])
        #expect(rejected.last?["reason"] as? String == "empty customer id")
        #expect(run.stderrLines == [
            "t.csv:5: unparseable date '2026-13-01' (use YYYY-MM-DD, YYYYMMDD or RFC 3339)",
            "t.csv:6: empty customer id",
            "t.csv: 2 rows rejected, 0 exact duplicates counted once",
            // Every line accounted for: A, A, B counted, lines 5 and 6 rejected.
            "t.csv: 6 lines = 1 header + 3 rows counted + 2 rejected + 0 duplicates",
        ])
    }

    @Test func summaryListsEverySegmentEvenEmptyOnesThenUnassigned() throws {
        let folder = ScratchFolder()
        try Self.write(Self.transactions, in: folder)
        let run = try CLIRunner.run(["segment", "t.csv", "--plan", "demo-rfm", "--summary", "--format", "json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map { $0["id"] as? String } == ["champions", "loyal", "potential_loyalists", "new_customers", "promising",
                                                        "need_attention", "about_to_sleep", "cant_lose", "at_risk", "hibernating", "unassigned"])
        // A and B tie on recency (1 day): r 1 each. A buys more: 1 customer strictly below → f = 1 + ⌊5·1/2⌋ = 3; B: f 1.
        let counts = Dictionary(uniqueKeysWithValues: segments.map { ($0["id"] as! String, $0["customers"] as! Int) })
        #expect(counts["at_risk"] == 1)
        #expect(counts["hibernating"] == 1)
        #expect(counts["champions"] == 0)
        let champions = segments[0]
        #expect(champions["share"] as? Double == 0)
        #expect(champions["monetary"] as? Double == 0)
        #expect(segments.first { $0["id"] as? String == "at_risk" }?["monetary"] as? Double == 150)
        #expect(json["rejected_rows"] as? Int == 2)

        let csv = try CLIRunner.run(["segment", "t.csv", "--plan", "demo-rfm", "--summary", "--format", "csv"], in: folder.path)
        #expect(csv.stdout.hasPrefix("id,name,customers,share,monetary\nchampions,重要价值客户,0,0,0\n"))
    }

    @Test func csvListsEveryCustomer() throws {
        let folder = ScratchFolder()
        try Self.write("customer_id,date,amount\n\"X, Y\",2026-01-01,1.5\n", in: folder)
        let run = try CLIRunner.run(["segment", "t.csv", "--format", "csv"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,aov,orders_30d,orders_90d,"
            + "orders_180d,orders_365d,first_purchase_days,repurchase_rate,monetary_30d,monetary_90d,monetary_180d,monetary_365d,"
            + "growth_90d,lifecycle,value_level,tags,tier\n"
            // One purchase the day before: spent in every window, no growth figure (nothing before), new, low value.
            // No demo tag (aov 1.5, one order, no growth figure) and no tier (1.5 spent in the year).
            + "\"X, Y\",1,1,1.5,1,1,1,rising,1.5,1,1,1,1,1,0,1.5,1.5,1.5,1.5,,new,low,,\n")
    }

    @Test func aMissingFileIsOneLineAndExitTwo() throws {
        let folder = ScratchFolder()
        let run = try CLIRunner.run(["segment", "nope.csv"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines.first == "campaign-deck: cannot read transactions: no such file (nope.csv)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingColumnNamesItAndTheOption() throws {
        let folder = ScratchFolder()
        try Self.write("member,date,amount\nA,2026-01-01,1\n", in: folder)
        let run = try CLIRunner.run(["segment", "t.csv"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderrLines == ["campaign-deck: no column 'customer_id' in the header (t.csv)",
                                    "hint: the header has: member, date, amount; choose the column with --customer-col"])
        let mapped = try CLIRunner.run(["segment", "t.csv", "--customer-col", "member", "--format", "json"], in: folder.path)
        #expect(mapped.status == 0)
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try CLIRunner.run(["segment", "demo", "--as-of", "yesterday"]).status == 2)
        #expect(try CLIRunner.run(["segment", "demo", "--format", "xml"]).status == 2)
        #expect(try CLIRunner.run(["segment", "demo", "--plan", "missing.yaml"]).status == 2)
    }

    @Test func theDemoBaseSegmentsAndCanBeWrittenOut() throws {
        let run = try CLIRunner.run(["segment", "demo", "--summary", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").map { $0.split(separator: ",").first! } == ["id", "vip", "lapsed", "rising", "unassigned"])
        let folder = ScratchFolder()
        let wrote = try CLIRunner.run(["segment", "demo", "--write-demo", "demo.csv"], in: folder.path)
        #expect(wrote.status == 0)
        let again = try CLIRunner.run(["segment", "demo.csv", "--summary", "--format", "csv"], in: folder.path)
        #expect(again.stdout == run.stdout, "the written file segments exactly like the built-in base")
        #expect(try CLIRunner.run(["segment", "demo", "--write-demo", "demo.csv"], in: folder.path).status == 2, "never overwrites")
    }

    @Test func helpHasExamples() throws {
        let run = try CLIRunner.run(["segment", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:"))
        #expect(run.stdout.contains("campaign-deck segment demo --summary"))
        #expect(run.stdout.contains("--write-demo"))
    }

    /// Issue 11, item 3, as reported: a stray quote on line 1002 of a file big
    /// enough to be read on two threads used to leave one rejected row and every
    /// purchase after it silently gone, exit 0.
    @Test func aStrayQuoteCostsOneLineNotTheRestOfTheFile() throws {
        let folder = ScratchFolder()
        let rows = 400_000 // about 9 MB: past the two-thread threshold (8 MiB)
        var text = "customer_id,date,amount\n"
        text.reserveCapacity(rows * 24)
        for i in 0..<rows {
            if i == 1_000 { text += "\"C999999,2025-10-01,5.00\n" }
            text += "C\(i),2025-10-\(i % 28 + 1 < 10 ? "0" : "")\(i % 28 + 1),\(i % 100).50\n"
        }
        try Self.write(text, in: folder)
        let run = try CLIRunner.run(["segment", "t.csv", "--summary", "--format", "json"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines == [
            "t.csv:1002: a quote opened on this line is not closed into a valid row; reading resumed on the next line",
            "t.csv: 1 row rejected, 0 exact duplicates counted once",
            "t.csv: 400,002 lines = 1 header + 400,000 rows counted + 1 rejected + 0 duplicates",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == rows)
    }
}
