import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// A report with more keys than one slice of records (`ReportFile.recordSlice`)
/// is stored as a whole: the totals are the file's sums worked out here, a
/// corrected version replaces exactly its changed keys, and the same file
/// again changes nothing. 200 hours × 100 channels = 20,000 keys, two and a
/// half slices.
@Suite struct ReportIngestScaleTests {
    let folder = TemporaryFolder()
    static let hours = 200, channels = 100

    /// (impressions, clicks, spend in cents) of one row; version 2 corrects every seventh row.
    static func row(hour: Int, channel: Int, version: Int) -> (impressions: Int64, clicks: Int64, cents: Int64) {
        let corrected = version == 2 && (hour * channels + channel) % 7 == 0
        let impressions = Int64(1000 + hour % 97 + channel) + (corrected ? 17 : 0)
        return (impressions, Int64(10 + hour % 7), Int64(12_000 + (hour % 13) * 100 + 25) + (corrected ? 5 : 0))
    }

    static func text(version: Int) -> String {
        var lines = [ReportIngestTests.header]
        for hour in 0..<hours {
            let day = 2 + hour / 24, clock = hour % 24
            for channel in 0..<channels {
                let figures = row(hour: hour, channel: channel, version: version)
                let spend = "\(figures.cents / 100).\(figures.cents % 100 < 10 ? "0" : "")\(figures.cents % 100)"
                lines.append(String(format: "2026-03-%02d %02d:00,c%03d,", day, clock, channel)
                             + "\(figures.impressions),\(figures.clicks),\(spend),0,0\n")
            }
        }
        return lines.joined()
    }

    static func sums(version: Int) -> [String: KPICounters] {
        var sums: [String: KPICounters] = [:]
        for hour in 0..<hours {
            for channel in 0..<channels {
                let figures = row(hour: hour, channel: channel, version: version)
                sums[String(format: "c%03d", channel), default: .zero] += KPICounters(
                    impressions: figures.impressions, clicks: figures.clicks, spend: Money(nanos: Int128(figures.cents) * 10_000_000))
            }
        }
        return sums
    }

    func ingest(_ text: String, into database: any StoreEngine) throws -> ReportIngestReport {
        let path = folder.file("big.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try StoreIngest(database: database, plan: StoreFixtures.plan(alerts: [])).ingestReport(path: path, source: ReportIngestTests.source)
    }

    @Test(arguments: TestEngine.all) func aReportLargerThanASliceIsStoredWhole(engine: TestEngine) throws {
        #expect(Self.hours * Self.channels > 2 * ReportFile.recordSlice)
        let database = try engine.store(folder)
        let first = try ingest(Self.text(version: 1), into: database)
        #expect(first.rows == 20_000 && first.changed == 20_000 && first.unchanged == 0)
        // Every row changes impressions, clicks and spend from nothing: three records each.
        #expect(first.events == 60_000)
        #expect(try ReportIngestTests.totals(database) == Self.sums(version: 1))

        let second = try ingest(Self.text(version: 2), into: database)
        // Keys 0, 7, 14, … 19,999: ⌈20,000 / 7⌉ corrected, each an impression and a spend record.
        #expect(second.changed == 2_858 && second.unchanged == 20_000 - 2_858 && second.events == 2 * 2_858)
        #expect(try ReportIngestTests.totals(database) == Self.sums(version: 2))

        let third = try ingest(Self.text(version: 2), into: database)
        #expect(third.changed == 0 && third.events == 0)
        #expect(try ReportIngestTests.totals(database) == Self.sums(version: 2))
    }
}
