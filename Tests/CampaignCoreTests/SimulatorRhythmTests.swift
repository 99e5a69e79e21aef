@testable import CampaignCore
import Testing

/// Daily, weekly and phase rhythm, read back from a full demo run.
@Suite struct SimulatorRhythmTests {
    let totals = DemoRunTotals.shared

    func impressions(day: Int, hours: Range<Int>) -> Int {
        ["douyin", "xiaohongshu", "search"].reduce(0) { sum, channel in
            sum + hours.reduce(0) { $0 + totals.hour(channel, day: day, hour: $1).impressions }
        }
    }

    @Test func nightsAreQuietAndLunchAndEveningPeak() {
        let runDays = 21..<56
        for day in runDays {
            let night = impressions(day: day, hours: 2..<5)
            let lunch = impressions(day: day, hours: 12..<13)
            let evening = impressions(day: day, hours: 20..<21)
            let afternoon = impressions(day: day, hours: 15..<16)
            #expect(night * 5 < evening, "day \(day)")
            #expect(lunch > afternoon && evening > afternoon, "day \(day)")
        }
    }

    @Test func weekendsDifferFromWeekdays() {
        // Stores draw crowds on weekends; SMS is sent less; search dips.
        func average(_ channel: String, weekend: Bool, _ value: (DemoRunTotals.Volume) -> Int) -> Double {
            let days = (21..<56).filter { ((totals.start + $0).weekday >= 5) == weekend }
            return Double(days.reduce(0) { $0 + value(totals.day(channel, $1)) }) / Double(days.count)
        }
        #expect(average("stores", weekend: true, \.participation) > 1.4 * average("stores", weekend: false, \.participation))
        #expect(average("sms", weekend: true, \.reach) < 0.8 * average("sms", weekend: false, \.reach))
        #expect(average("search", weekend: true, \.impressions) < average("search", weekend: false, \.impressions))
    }

    @Test func phasesShapeTheSpend() {
        func spend(_ days: Range<Int>) -> Double {
            Double(totals.channels.reduce(0) { sum, channel in
                sum + days.reduce(0) { $0 + totals.day(channel, $1).spendCents }
            }) / 100 / Double(days.count)
        }
        let prep = spend(0..<14), launchStart = spend(14..<15), launchEnd = spend(20..<21)
        let run = spend(21..<56), reviewStart = spend(56..<58), reviewEnd = spend(68..<70)
        #expect(prep < 0.15 * run)
        #expect(launchStart < launchEnd)
        #expect(reviewStart < run && reviewEnd < 0.5 * reviewStart)
        // Paid channels are nearly dark in preparation: creative tests only.
        #expect(totals.day("douyin", 0).spendCents < totals.day("douyin", 30).spendCents / 10)
    }
}
