import Foundation
import Testing

/// `report` on a fixed simulated stream (demo plan, seed 7, 2026-04-21…22)
/// against sums the test makes of the raw events itself (`SimulatedStream`).
@Suite struct ReportSimulatedTests {
    /// Doubles computed two ways (Money vs integer cents) agree to rounding, not bits.
    static func close(_ value: Any?, _ expected: Double?) -> Bool {
        guard let expected else { return value is NSNull }
        guard let value = (value as? NSNumber)?.doubleValue else { return false }
        return abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }

    /// Money in the report (a JSON number with at most two decimals) in cents.
    static func cents(_ value: Any?) -> Int64? {
        (value as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) }
    }

    /// The stream's report as JSON and CSV, made once for every test here.
    struct Fixture {
        let json: [String: Any]
        let csv: String
        let plan: [String: Any]
        let stream = SimulatedStream.spikeDays
        var benchmarkCPA: Double { ((plan["campaign"] as! [String: Any])["benchmarks"] as! [String: Any])["cpa"] as! Double }

        init() throws {
            let folder = ScratchFolder()
            try stream.write(to: folder, as: "s.jsonl")
            let json = try CLIRunner.run(["report", "--format", "json", "s.jsonl"], in: folder.path)
            try #require(json.status == 0, "\(json.stderr)")
            let csv = try CLIRunner.run(["report", "--format", "csv", "s.jsonl"], in: folder.path)
            try #require(csv.status == 0, "\(csv.stderr)")
            self.json = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            self.csv = csv.stdout
            plan = try DemoPlan.show()
        }
    }

    /// Shared: `report` over the stream is the slow part. Nil if it failed (the tests say so).
    nonisolated(unsafe) static let shared = Result { try Fixture() }

    func fixture() throws -> Fixture { try Self.shared.get() }

    /// spend, revenue, conversions, ROI, CPA, CPA / benchmark, converting users and CAC of one row.
    func check(_ row: [String: Any], against tally: SimulatedStream.Tally, benchmarkCPA: Double) {
        let key = row["key"] as? String ?? "?"
        #expect(Self.cents(row["spend"]) == tally.spendCents, "\(key) spend")
        #expect(Self.cents(row["revenue"]) == tally.revenueCents, "\(key) revenue")
        #expect(row["conversions"] as? Int == tally.conversions, "\(key) conversions")
        let roi = tally.spendCents == 0 ? nil : Double(tally.revenueCents - tally.spendCents) / Double(tally.spendCents)
        #expect(Self.close(row["roi"], roi), "\(key) roi")
        let cpa = tally.conversions == 0 ? nil : tally.spend / Double(tally.conversions)
        #expect(Self.close(row["cpa"], cpa), "\(key) cpa")
        #expect(Self.close(row["cpa_vs_benchmark"], cpa.map { $0 / benchmarkCPA }), "\(key) cpa vs benchmark")
        let users = tally.convertingUsers.count
        #expect(row["converting_users"] as? Int == users, "\(key) converting users")
        #expect(Self.close(row["cac"], users == 0 ? nil : tally.spend / Double(users)), "\(key) cac")
    }

    @Test func roiCpaAndCacOverallPerChannelAndPerSegment() throws {
        let f = try fixture()
        #expect(f.stream.lines > 10_000, "the stream is big enough to mean something")
        // The simulator's conversions name their customer, so CAC has data;
        // some customers buy more than once (fewer buyers than orders).
        let all = f.stream.sum()
        #expect(all.convertingUsers.count > 0 && all.convertingUsers.count < all.conversions,
                "\(all.convertingUsers.count) buyers of \(all.conversions) orders")
        check(try #require(f.json["overall"] as? [String: Any]), against: f.stream.sum(), benchmarkCPA: f.benchmarkCPA)

        let channels = try #require(f.json["channels"] as? [[String: Any]])
        #expect(channels.map { $0["key"] as? String } == f.stream.channels)
        for row in channels {
            let channel = row["key"] as? String
            check(row, against: f.stream.sum { $0.channel == channel }, benchmarkCPA: f.benchmarkCPA)
        }

        // Every simulated line with money names its segment, so there is no (none) row.
        let segments = try #require(f.json["segments"] as? [[String: Any]])
        #expect(segments.map { $0["key"] as? String } == f.stream.segments)
        #expect(f.stream.sum { $0.segment == nil }.spendCents == 0)
        for row in segments {
            let segment = row["key"] as? String
            check(row, against: f.stream.sum { $0.segment == segment }, benchmarkCPA: f.benchmarkCPA)
        }
    }

    @Test func segmentROIInTheCSV() throws {
        let f = try fixture()
        // "segment_economics,<segment>,roi,<value>,,"
        for segment in f.stream.segments {
            let prefix = "segment_economics,\(segment),roi,"
            let line = try #require(f.csv.split(separator: "\n").first { $0.hasPrefix(prefix) }, "\(segment)")
            let value = try #require(Double(line.dropFirst(prefix.count).split(separator: ",", omittingEmptySubsequences: false)[0]))
            let tally = f.stream.sum { $0.segment == segment }
            #expect(abs(value - Double(tally.revenueCents - tally.spendCents) / Double(tally.spendCents)) < 1e-9)
        }
    }

    @Test func budgetUsedPerLine() throws {
        let f = try fixture()
        let planLines = try #require(f.plan["budget_lines"] as? [[String: Any]])
        let channelLine = Dictionary(uniqueKeysWithValues: try #require(f.plan["channels"] as? [[String: Any]]).map {
            ($0["id"] as! String, $0["budget_line"] as? String)
        })
        let rows = try #require(f.json["budget_lines"] as? [[String: Any]])
        // Every simulated channel is in a line, so the rows are exactly the plan's lines.
        #expect(rows.map { $0["id"] as? String } == planLines.map { $0["id"] as? String })
        for (row, line) in zip(rows, planLines) {
            let id = line["id"] as! String
            let used = f.stream.sum { $0.channel.flatMap { channelLine[$0] ?? nil } == id }.spendCents
            #expect(Self.cents(row["used"]) == used, "\(id) used")
            let amount = (line["amount"] as! NSNumber).doubleValue
            #expect(Self.close(row["used_share"], Double(used) / 100 / amount), "\(id) used share")
        }
        #expect(rows.contains { (Self.cents($0["used"]) ?? 0) > 0 }, "some line has spend")
    }

    @Test func goalAchievementPerSegment() throws {
        let f = try fixture()
        let planSegments = try #require(f.plan["segments"] as? [[String: Any]])
        var expected: [(segment: String, metric: String, actual: Double?, achievement: Double?)] = []
        for segment in planSegments {
            let id = segment["id"] as! String
            let tally = f.stream.sum { $0.segment == id }
            for goal in segment["goals"] as! [[String: Any]] {
                // `aov` and `repurchase_rate` are no KPI: the stream cannot measure them.
                let metric = goal["metric"] as! String
                let actual = tally.kpi(metric)
                var achievement: Double?
                if let actual, let target = goal["target"] as? Double {
                    achievement = actual / target
                } else if let actual, let baseline = goal["baseline"] as? Double, let lift = goal["lift"] as? Double {
                    achievement = (actual - baseline) / baseline / lift
                }
                expected.append((id, metric, actual, achievement))
            }
        }
        let goals = try #require(f.json["goals"] as? [[String: Any]])
        #expect(goals.map { "\($0["segment"] ?? "") \($0["metric"] ?? "")" } == expected.map { "\($0.segment) \($0.metric)" })
        for (goal, want) in zip(goals, expected) {
            #expect(Self.close(goal["actual"], want.actual), "\(want.segment) \(want.metric) actual")
            #expect(Self.close(goal["achievement"], want.achievement), "\(want.segment) \(want.metric) achievement")
        }
        #expect(expected.filter { $0.achievement != nil }.count >= 4, "most demo goals are measurable")
    }
}
