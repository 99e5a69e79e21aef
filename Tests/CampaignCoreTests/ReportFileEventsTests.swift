import Foundation
@testable import CampaignCore
import Testing

/// `kpi --source` without a database (`ReportFileReader.events`): the first
/// file's figures are taken as they are, a later file's replace them per hour
/// and channel, and the events come a slice at a time, adding up to the
/// merged figures worked out here. 10,000 keys per file: more than one slice.
@Suite struct ReportFileEventsTests {
    static let source = ReportSource(id: "u", columns: [
        (.ts, .header("time")), (.channel, .header("channel")), (.impressions, .header("impressions")), (.spend, .header("spend")),
    ])

    /// 100 hours × 100 channels from 2026-03-02 00:00 UTC; `bump` adds to the impressions of every third row.
    static func text(bump: Int64) -> String {
        var lines = ["time,channel,impressions,spend"]
        for hour in 0..<100 {
            for channel in 0..<100 {
                let impressions = Int64(hour * 7 + channel) + ((hour * 100 + channel) % 3 == 0 ? bump : 0)
                lines.append(String(format: "2026-03-%02d %02d:00,c%02d,", 2 + hour / 24, hour % 24, channel)
                             + "\(impressions),\(channel).5")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aLaterFileReplacesTheFirstsHoursAndEveryEventArrives() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-events-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.csv"), second = folder.appendingPathComponent("b.csv")
        try Data(Self.text(bump: 0).utf8).write(to: first)
        try Data(Self.text(bump: 1_000).utf8).write(to: second)

        var impressions = 0 as Int64, spend = Money.zero, batches = 0
        let stats = try ReportFileReader.events(paths: [first.path, second.path], source: Self.source, timeZone: "UTC") { records, _ in
            batches += 1
            for record in records where record.type == .impression { impressions += record.count }
            for record in records where record.type == .spend { spend += record.amount }
        }
        // The second file's figures only: Σ(hour·7 + channel) over 100 × 100, plus 1,000 on the 3,334 keys
        // whose index is a multiple of 3; spend Σ(channel + 0.5) = 4,950 + 50 per hour, × 100 hours.
        let hours: Int64 = 700 * 4_950, channels: Int64 = 100 * 4_950
        let plain = hours + channels
        let bumped: Int64 = 3_334 * 1_000
        #expect(impressions == plain + bumped)
        let units: Int128 = 100 * 5_000
        #expect(spend == Money(nanos: units * 1_000_000_000))
        #expect(stats.linesRead == 20_000 && stats.eventsAccepted == 20_000)
        #expect(batches == 2)  // 10,000 keys: one slice of 8,192 and the rest
    }
}
