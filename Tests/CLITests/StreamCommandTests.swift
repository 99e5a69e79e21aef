import Foundation
import Testing

/// simulate, kpi and alerts through the real binary, with numbers worked out
/// by hand from small hand-written streams.
@Suite struct StreamCommandTests {
    /// Two channels over two campaign days (Asia/Shanghai), with one bad line
    /// and one event of a type this version does not know.
    static let events = """
    {"ts":"2026-03-02T10:00:00+08:00","type":"impression","channel":"douyin","segment":"vip","count":1000}
    {"ts":"2026-03-02T10:01:00+08:00","type":"click","channel":"douyin","segment":"vip","count":20}
    {"ts":"2026-03-02T10:02:00+08:00","type":"conversion","channel":"douyin","segment":"高价值老客","count":2,"amount":360}
    {"ts":"2026-03-02T10:03:00+08:00","type":"spend","channel":"douyin","amount":90.50}
    {"ts":1772431200000,"type":"impression","channel":"search","count":400}
    {"ts":"2026-03-02T10:05:00+08:00","type":"click","channel":"search","count":"many"}
    {"ts":"2026-03-02T10:06:00+08:00","type":"hologram","channel":"search"}
    {"ts":"2026-03-03T09:00:00+08:00","type":"click","channel":"search","count":6}

    """

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        let folder = ScratchFolder()
        try Self.events.write(toFile: folder.path + "/events.jsonl", atomically: true, encoding: .utf8)
        return try CLIRunner.run(arguments + ["events.jsonl"], in: folder.path)
    }

    @Test func kpiCampaignToDateByChannel() throws {
        let result = try run(["kpi", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["window"] as? String == "campaign")
        #expect(json["rejected"] as? Int == 1)   // count "many"
        #expect(json["skipped"] as? Int == 1)    // hologram
        #expect(json["as_of"] as? String == "2026-03-03T09:00:00+08:00")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["key"] as? String } == ["douyin", "search"])
        let douyin = rows[0], search = rows[1]
        #expect(douyin["impressions"] as? Int == 1000)
        #expect(douyin["clicks"] as? Int == 20)
        #expect(douyin["conversions"] as? Int == 2)
        #expect(douyin["ctr"] as? Double == 0.02)        // 20 / 1000
        #expect(douyin["cvr"] as? Double == 0.1)         // 2 / 20
        #expect(douyin["cpa"] as? Double == 45.25)       // 90.50 / 2
        #expect((douyin["spend"] as? NSNumber)?.decimalValue == Decimal(string: "90.5"))
        #expect((douyin["revenue"] as? NSNumber)?.decimalValue == 360)
        // (360 − 90.5) / 90.5 = 2.977900552…
        #expect(abs((douyin["roi"] as? Double ?? 0) - 269.5 / 90.5) < 1e-12)
        // 1772431200000 ms is 2026-03-02T06:00:00Z = 14:00 in Shanghai.
        #expect(search["impressions"] as? Int == 400)
        #expect(search["clicks"] as? Int == 6)
        #expect(search["ctr"] as? Double == 0.015)       // 6 / 400
        #expect(search["cpa"] is NSNull, "no conversions: no data, not 0")
        #expect(result.stderr.contains("events.jsonl:6: "), "the rejected line is named on stderr")
    }

    @Test func kpiDayWindowBySegmentFoldsNamesOntoIDs() throws {
        let day = try run(["kpi", "--by", "segment", "--window", "day", "--format", "json"])
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(day.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        // The latest event is on 03-03 and carries no segment: no segment has data that day.
        #expect(rows.allSatisfy { ($0["impressions"] as? Int) == 0 && ($0["conversions"] as? Int) == 0 })
        let total = try run(["kpi", "--by", "segment", "--format", "csv"])
        let lines = total.stdout.split(separator: "\n")
        #expect(lines.count == 2, "one row for vip: '高价值老客' is folded onto its id")
        #expect(lines[1].hasPrefix("vip,1000,20,2,"))
    }

    @Test func kpiRejectsUnknownWindowsAndDimensions() throws {
        #expect(try run(["kpi", "--window", "2h"]).status == 2)
        #expect(try run(["kpi", "--by", "country"]).status == 2)
        let missing = try CLIRunner.run(["kpi", "/nonexistent/events.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.stderrLines.first?.hasPrefix("campaign-deck: ") == true)
    }

    @Test func simulateIsDeterministicAndParsable() throws {
        let first = try CLIRunner.run(["simulate", "--days", "1", "--seed", "5"])
        let second = try CLIRunner.run(["simulate", "--days", "1", "--seed", "5"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout != (try CLIRunner.run(["simulate", "--days", "1", "--seed", "6"])).stdout)
        let folder = ScratchFolder()
        try first.stdout.write(toFile: folder.path + "/day.jsonl", atomically: true, encoding: .utf8)
        let kpi = try CLIRunner.run(["kpi", "--by", "total", "--format", "json", "day.jsonl"], in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(kpi.stdout.utf8)) as? [String: Any])
        #expect(json["rejected"] as? Int == 0, "everything the simulator writes parses")
        #expect(json["as_of"] as? String == "2026-03-02T23:59:00+08:00")
    }

    @Test func alertsPrintTransitionsAsJSONLines() throws {
        // A plan whose CTR rule fires at once on douyin's 2 % (threshold 5 %, no Wilson).
        let folder = ScratchFolder()
        try """
        campaign: { id: t, name: T, timezone: Asia/Shanghai, start: 2026-03-02, budget: 1000 }
        alerts:
          - { name: CTR low, metric: ctr, per: channel, below: 0.05, window: 1h, confidence: none }

        """.write(toFile: folder.path + "/plan.yaml", atomically: true, encoding: .utf8)
        try Self.events.write(toFile: folder.path + "/events.jsonl", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["alerts", "--plan", "plan.yaml", "events.jsonl"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        // At the end of 10:00 douyin has 1000 impressions and no clicks yet: 0 < 5 %.
        let first = try #require(lines.first ?? nil)
        #expect(first["at"] as? String == "2026-03-02T10:01:00+08:00")
        #expect(first["scope"] as? String == "douyin")
        #expect(first["from"] as? String == "ok")
        #expect(first["to"] as? String == "pending")
        #expect(first["value"] as? Double == 0)
        #expect(first["threshold"] as? Double == 0.05)
        #expect(lines.count >= 2)
        #expect((lines[1])?["to"] as? String == "firing")
    }
}
