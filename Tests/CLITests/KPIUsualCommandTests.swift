import Foundation
import Testing

/// `kpi --format json` says, per row, what the plan's baseline rules take as
/// usual for it: the stream of UsualRuleTests written as JSON lines, one
/// 1,000-impression minute at 10:00 (UTC) on each of eight days.
@Suite struct KPIUsualCommandTests {
    static let plan = """
    campaign: { id: c, name: C, timezone: UTC, start: 2026-03-02, budget: 1000 }
    alerts:
      - { name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 30% }

    """

    static func events(_ clicks: [Int]) -> String {
        clicks.enumerated().map { day, clicks in
            let ts = String(format: "2026-03-%02dT10:00:00Z", 2 + day)
            return """
            {"ts":"\(ts)","type":"impression","channel":"douyin","campaign":"c","count":1000}
            {"ts":"\(ts)","type":"click","channel":"douyin","campaign":"c","count":\(clicks)}

            """
        }.joined()
    }

    static func usual(_ clicks: [Int], by: String = "channel") throws -> [String: Any]? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kpi-usual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try plan.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["kpi", "--plan", "p.yaml", "--by", by, "--format", "json", "-"],
                                    in: folder.path, stdin: events(clicks))
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let row = (json["rows"] as! [[String: Any]]).first!
        return (row["usual"] as? [[String: Any]])?.first
    }

    @Test func aRowSaysItsUsualBandAndZ() throws {
        // The last minute (day 7, 10:00) is still open; the rule would judge it at
        // 0.020 against days 0–6 at 10:00: median 0.035, MAD 0.003 (UsualRuleTests).
        let usual = try #require(try Self.usual([30, 32, 34, 35, 36, 38, 40, 20]))
        #expect(usual["rule"] as? String == "CTR below usual" && usual["window"] as? String == "5m")
        #expect(usual["value"] as? Double == 0.020)
        #expect(abs((usual["usual_median"] as! Double) - 0.035) < 1e-6)
        // z = −0.015 / (1.4826 × 0.003) = −3.3724.
        #expect(abs((usual["robust_z"] as! Double) + 0.015 / (1.4826 * 0.003)) < 1e-3)
        // The band: 0.035 ± 3 × 1.4826 × 0.003 = ±0.0133434, wider than 30 % (±0.0105) on both sides.
        #expect(abs((usual["usual_low"] as! Double) - 0.0216566) < 1e-5)
        #expect(abs((usual["usual_high"] as! Double) - 0.0483434) < 1e-5)
        #expect(usual["usual_points"] as? Int == 7)
    }

    @Test func tooFewPointsAreNoData() throws {
        let usual = try #require(try Self.usual([35, 35, 35, 35, 35, 35, 20]))
        #expect(usual["value"] as? Double == 0.020)
        #expect(usual["usual_median"] is NSNull && usual["robust_z"] is NSNull && usual["usual_points"] as? Int == 0)
    }

    @Test func rowsOfAnotherDimensionHaveNone() throws {
        #expect(try Self.usual([35, 35], by: "total") == nil)
    }
}
