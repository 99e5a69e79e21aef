import Foundation
import Testing

/// `kpi --by total` and `--by campaign` count a ratio only over the channels
/// that report its denominator, so the total lies between the channels.
@Suite struct KPITotalCommandTests {
    /// douyin 1,000 impressions and 20 clicks, search 500 and 15, sms 30
    /// clicks and no impressions (an SMS has none to count).
    static let events = """
    {"ts":"2026-03-03T10:00:00+08:00","type":"impression","channel":"douyin","campaign":"c","count":1000}
    {"ts":"2026-03-03T10:00:00+08:00","type":"click","channel":"douyin","campaign":"c","count":20}
    {"ts":"2026-03-03T10:01:00+08:00","type":"impression","channel":"search","campaign":"c","count":500}
    {"ts":"2026-03-03T10:01:00+08:00","type":"click","channel":"search","campaign":"c","count":15}
    {"ts":"2026-03-03T10:02:00+08:00","type":"click","channel":"sms","campaign":"c","count":30}

    """

    static func ctr(by scope: String) throws -> [String: Double?] {
        let run = try CLIRunner.run(["kpi", "--by", scope, "--format", "json", "-"], stdin: events)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let rows = json["rows"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as! String, $0["ctr"] as? Double) })
    }

    @Test func totalAndCampaignCTRLieBetweenTheChannels() throws {
        let channels = try Self.ctr(by: "channel")
        #expect(channels["douyin"] == 0.02 && channels["search"] == 0.03)
        #expect(channels["sms"] == .some(nil))
        // (20 + 15) / (1,000 + 500), not 65 / 1,500 = 4.33 %.
        #expect(try Self.ctr(by: "total")["total"] == 35.0 / 1500.0)
        #expect(try Self.ctr(by: "campaign")["c"] == 35.0 / 1500.0)
    }
}
