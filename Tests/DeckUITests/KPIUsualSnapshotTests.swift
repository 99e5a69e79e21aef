import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// The snapshot gives each KPI row its baseline rule's band now and per
/// sparkline hour: eight days of douyin from 09:00 to 11:59 at 1,000
/// impressions and 35 clicks a minute (CTR 3.5 %), except 10:00–10:59 on
/// the last day at 15 clicks (1.5 %).
@Suite struct KPIUsualSnapshotTests {
    static let plan = PlanLoader.load(yaml: """
    campaign: { id: c, name: C, timezone: UTC, start: 2026-03-02, budget: 1000 }
    alerts:
      - { name: CTR below usual, metric: ctr, per: channel, window: 1h, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 20% }

    """).plan!

    static func events() -> String {
        var lines: [String] = []
        for day in 0..<8 {
            for minute in (9 * 60)..<(12 * 60) {
                let ts = "2026-03-\(String(format: "%02d", 2 + day))T\(String(format: "%02d:%02d", minute / 60, minute % 60)):00Z"
                let clicks = day == 7 && minute / 60 == 10 ? 15 : 35
                lines.append(#"{"ts":"\#(ts)","type":"impression","channel":"douyin","count":1000}"#)
                lines.append(#"{"ts":"\#(ts)","type":"click","channel":"douyin","count":\#(clicks)}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let row: DashboardSnapshot.KPIRow = {
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        try! reader.read(bytes: Array(events().utf8), sourceName: "fixture") { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        _ = fold.closeCurrentMinute()   // the store's clock is now day 7, 12:00
        let snapshot = SnapshotBuilder(plan: plan).snapshot(monitor: fold.monitor, names: fold.names)
        return snapshot.channelRows.first { $0.key == "douyin" }!
    }()

    @Test func theHourOfTheDipIsOutsideItsBand() {
        // Hourly buckets end at 12:00, 11:00, 10:00: 11:01–12:00 holds 59 minutes at 3.5 %;
        // 10:01–11:00 holds 59 at 1.5 % and one at 3.5 % = 0.01533; 09:01–10:00 = 0.03467.
        // Each past day had 3.5 % in the same windows (MAD 0): the band is 3.5 % ± 20 %.
        let flags = Sparkline.outsideBand(Self.row.sparkline, bands: Self.row.sparkBand, width: 24)
        #expect(flags.suffix(3) == [false, true, false])
        #expect(abs(Self.row.sparkline[22]! - (59 * 15 + 35) / 60_000.0) < 1e-12)
        let band = Self.row.sparkBand[22]!
        // Past values are kept as Floats: 0.035 comes back as 0.0350000001.
        #expect(abs(band.lowerBound - 0.028) < 1e-7 && abs(band.upperBound - 0.042) < 1e-7)
    }

    @Test func theThresholdColumnShowsTheBandNow() {
        let cell = Self.row.alerts[0]
        #expect(cell.isBaseline && abs(cell.usual!.median - 0.035) < 1e-7)
        Language.$override.withValue(.english) {
            #expect(KPICell.thresholds(Self.row, shown: [.ctr]) == "CTR usual 2.8–4.2%")
        }
    }
}
